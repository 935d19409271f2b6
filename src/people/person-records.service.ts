import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { decodeCursor, Page, PageQueryDto, toPage } from '../common/pagination';
import { AccessLogEntryView, HistoryEntryView } from './dto/person.view';
import { PersonAccess } from './access/person-access.service';
import { PersonHistory } from './person-history';
import { Transactions } from '../database/transactions';
import { actorJoin, actorJson } from '../users/actor-sql';
import type { ActorView } from '../users/dto/actor.view';

/** The record about the record: case history and who accessed it. */
@Injectable()
export class PersonRecordsService {
  constructor(
    private readonly tx: Transactions,
    private readonly historyLog: PersonHistory,
    private readonly audit: AuditService,
    private readonly access: PersonAccess,
  ) {}

  async history(personId: string, query: PageQueryDto, actor: Principal): Promise<Page<HistoryEntryView>> {
    return this.tx.run(async (m) => {
      await this.access.loadVisible(m, personId, actor, { allowErased: true });
      const page = await this.historyLog.page(m, personId, query);
      await this.audit.record(m, {
        actor,
        action: 'person.history.read',
        entityType: 'person',
        entityId: personId,
      });
      return page;
    });
  }

  /** Every audit entry naming this person: reads (single and list), changes, exports. */
  async accessLog(
    personId: string,
    query: PageQueryDto,
    actor: Principal,
  ): Promise<Page<AccessLogEntryView>> {
    const { limit } = query;
    const after = decodeCursor(query.cursor, 'serial');
    return this.tx.run(async (m) => {
      await this.access.loadVisible(m, personId, actor, { allowErased: true });
      // The role recorded with each entry: what the reader was allowed to do then, not now.
      const rows = (await m.query(
        `SELECT a.id, a.at, a.actor_id, a.actor_role, ${actorJson('actor', 'a.actor_id', 'a.actor_role')} AS actor,
                a.action, a.outcome, a.request_id
           FROM audit_entries a ${actorJoin('actor', 'a.actor_id')}
          WHERE a.entity_type = 'person' AND a.entity_id = $1 ${after ? 'AND a.id < $3::bigint' : ''}
          ORDER BY a.id DESC LIMIT $2`,
        after ? [personId, limit + 1, after.id] : [personId, limit + 1],
      )) as {
        id: string;
        at: Date;
        actor_id: string | null;
        actor_role: string | null;
        actor: ActorView | null;
        action: string;
        outcome: string;
        request_id: string | null;
      }[];
      await this.audit.record(m, {
        actor,
        action: 'person.access_log.read',
        entityType: 'person',
        entityId: personId,
      });
      return toPage(
        rows,
        limit,
        (r) => ({ at: r.at.toISOString(), id: r.id }),
        (r) => ({
          at: r.at.toISOString(),
          actorId: r.actor_id,
          actorRole: r.actor_role,
          actor: r.actor,
          action: r.action,
          outcome: r.outcome,
          requestId: r.request_id,
        }),
      );
    });
  }
}
