import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { decodeCursor, Page, PageQueryDto, toPage } from '../common/pagination';
import { actorJoin, actorJson } from '../users/actor-sql';
import type { ActorView } from '../users/dto/actor.view';
import { ConsentEntryView, ConsentView } from './dto/person.view';
import { CONSENT_FIELD_OF_TYPE, ConsentType } from './dto/person-fields';
import { RecordConsentDto } from './dto/transition.dto';
import { PersonAccess } from './access/person-access.service';
import { consentsLatestFirst } from './access/person-scope';
import { PeopleRepository } from './people.repository';
import { PersonHistory } from './person-history';
import { Transactions } from '../database/transactions';

interface ConsentRow {
  id: string;
  type: ConsentType;
  granted: boolean;
  given_at: Date;
  recorded_at: Date;
  note: string | null;
  recorded_by: ActorView | null;
}

/**
 * Consent is a history of answers; the current one per type is the latest given (see
 * consentsLatestFirst in access/person-scope.ts, where "current" is defined once).
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly tx: Transactions,
    private readonly people: PeopleRepository,
    private readonly history: PersonHistory,
    private readonly audit: AuditService,
    private readonly access: PersonAccess,
  ) {}

  /**
   * One answer, as a row of its own (the write shared with intake). `givenAt`: when the person gave
   * it, if earlier than now (a paper form); recorded and given share one clock reading otherwise.
   */
  static async append(
    m: EntityManager,
    personId: string,
    type: ConsentType,
    granted: boolean,
    recordedBy: string,
    note?: string,
    givenAt?: string,
  ): Promise<{ id: string; given_at: Date; recorded_at: Date }> {
    const [row] = (await m.query(
      `INSERT INTO consents (person_id, type, granted, note, recorded_by, recorded_at, given_at)
       SELECT $1, $2, $3, $4, $5, now.t, coalesce($6::timestamptz, now.t) FROM (SELECT clock_timestamp() AS t) now
       RETURNING id, given_at, recorded_at`,
      [personId, type, granted, note ?? null, recordedBy, givenAt ?? null],
    )) as { id: string; given_at: Date; recorded_at: Date }[];
    return row;
  }

  async record(personId: string, dto: RecordConsentDto, actor: Principal): Promise<ConsentView> {
    return this.tx.run(async (m) => {
      const person = await this.access.loadVisible(m, personId, actor, { forUpdate: true });
      // Nobody could have asked the person before the NGO met them.
      if (dto.givenAt && Date.parse(dto.givenAt) < person.rescued_at.getTime()) {
        throw ApiError.field(
          'givenAt',
          'too_small',
          'givenAt must not be before the person was rescued (rescuedAt)',
        );
      }
      const row = await ConsentsService.append(
        m,
        personId,
        dto.type,
        dto.granted,
        actor.id,
        dto.note,
        dto.givenAt,
      );
      const version = await this.people.bumpVersion(m, personId);
      await this.history.add(m, {
        personId,
        kind: 'field_change',
        actorId: actor.id,
        fields: [`consents.${CONSENT_FIELD_OF_TYPE[dto.type]}`],
        reason: dto.granted ? 'granted' : 'withdrawn',
      });
      await this.audit.record(m, {
        actor,
        action: dto.granted ? 'person.consent.grant' : 'person.consent.withdraw',
        entityType: 'person',
        entityId: personId,
        details: { type: dto.type, backdated: dto.givenAt !== undefined },
      });
      const after = (await this.people.find(m, personId))!;
      return {
        id: row.id,
        personId,
        type: dto.type,
        granted: dto.granted,
        givenAt: row.given_at.toISOString(),
        note: dto.note ?? null,
        recordedBy: { id: actor.id, displayName: actor.displayName, role: actor.role },
        recordedAt: row.recorded_at.toISOString(),
        consents: after.consents,
        version,
      };
    });
  }

  /**
   * Every grant and withdrawal, latest given first (the current answer of each type before the
   * answers it replaced), with who recorded it. An audited read, like the history.
   */
  async list(personId: string, query: PageQueryDto, actor: Principal): Promise<Page<ConsentEntryView>> {
    const { limit } = query;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async (m) => {
      await this.access.loadVisible(m, personId, actor, { allowErased: true });
      // The cursor names the last row served; its place in the order is read from the row itself.
      const rows = (await m.query(
        `SELECT c.id, c.type, c.granted, c.given_at, c.recorded_at, c.note,
                ${actorJson('recorder', 'c.recorded_by')} AS recorded_by
           FROM consents c ${actorJoin('recorder', 'c.recorded_by')}
          WHERE c.person_id = $1
            ${
              after
                ? `AND (c.given_at, c.recorded_at, c.id) <
                       (SELECT k.given_at, k.recorded_at, k.id FROM consents k WHERE k.id = $3 AND k.person_id = $1)`
                : ''
            }
          ORDER BY ${consentsLatestFirst('c')} LIMIT $2`,
        after ? [personId, limit + 1, after.id] : [personId, limit + 1],
      )) as ConsentRow[];
      await this.audit.record(m, {
        actor,
        action: 'person.consents.read',
        entityType: 'person',
        entityId: personId,
      });
      return toPage(
        rows,
        limit,
        (r) => ({ at: r.given_at.toISOString(), id: r.id }),
        (r) => ({
          id: r.id,
          type: r.type,
          granted: r.granted,
          givenAt: r.given_at.toISOString(),
          recordedAt: r.recorded_at.toISOString(),
          recordedBy: r.recorded_by,
          note: r.note,
        }),
      );
    });
  }
}
