import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ConsentView } from './dto/person.view';
import { CONSENT_FIELD_OF_TYPE, ConsentType } from './dto/person-fields';
import { RecordConsentDto } from './dto/transition.dto';
import { PersonAccess } from './access/person-access.service';
import { PeopleRepository } from './people.repository';
import { PersonHistory } from './person-history';
import { Transactions } from '../database/transactions';

/** Consent is a history of answers; the current one per type is the latest row. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly tx: Transactions,
    private readonly people: PeopleRepository,
    private readonly history: PersonHistory,
    private readonly audit: AuditService,
    private readonly access: PersonAccess,
  ) {}

  /** One answer, as a row of its own (the write shared with intake). */
  static async append(
    m: EntityManager,
    personId: string,
    type: ConsentType,
    granted: boolean,
    recordedBy: string,
    note?: string,
  ): Promise<{ id: string; recorded_at: Date }> {
    const [row] = (await m.query(
      `INSERT INTO consents (person_id, type, granted, note, recorded_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, recorded_at`,
      [personId, type, granted, note ?? null, recordedBy],
    )) as { id: string; recorded_at: Date }[];
    return row;
  }

  async record(personId: string, dto: RecordConsentDto, actor: Principal): Promise<ConsentView> {
    return this.tx.run(async (m) => {
      await this.access.loadVisible(m, personId, actor, { forUpdate: true });
      const row = await ConsentsService.append(m, personId, dto.type, dto.granted, actor.id, dto.note);
      const version = await this.people.bumpVersion(m, personId);
      await this.history.add(m, {
        personId,
        kind: 'field_change',
        actorId: actor.id,
        fields: [`consents.${CONSENT_FIELD_OF_TYPE[dto.type]}`],
      });
      await this.audit.record(m, {
        actor,
        action: dto.granted ? 'person.consent.grant' : 'person.consent.withdraw',
        entityType: 'person',
        entityId: personId,
        details: { type: dto.type },
      });
      const after = (await this.people.find(m, personId))!;
      return {
        id: row.id,
        personId,
        type: dto.type,
        granted: dto.granted,
        note: dto.note ?? null,
        recordedBy: actor.id,
        recordedAt: row.recorded_at.toISOString(),
        consents: after.consents,
        version,
      };
    });
  }
}
