import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { ConsentView } from './dto/person.view';
import { ConsentType } from './dto/person-fields';
import { RecordConsentDto } from './dto/transition.dto';
import { PeopleRepository } from './people.repository';
import { PersonHistory } from './person-history';
import { Transactions } from '../database/transactions';

const FIELD_OF = {
  services: 'services',
  consular_notification: 'consularNotification',
  share_with_partners: 'shareWithPartners',
  research: 'research',
} as const;

/** Consent is a history of answers; the current one per type is the latest row. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly tx: Transactions,
    private readonly people: PeopleRepository,
    private readonly history: PersonHistory,
    private readonly audit: AuditService,
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
      const person = await this.people.find(m, personId, true);
      if (!person) throw ApiError.notFound('Person');
      if (person.erased_at) throw ApiError.rule('PERSON_ERASED', 'This record was erased');
      const row = await ConsentsService.append(m, personId, dto.type, dto.granted, actor.id, dto.note);
      const version = await this.people.bumpVersion(m, personId);
      await this.history.add(m, {
        personId,
        kind: 'field_change',
        actorId: actor.id,
        fields: [`consents.${FIELD_OF[dto.type]}`],
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
