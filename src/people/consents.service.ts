import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { ConsentView } from './dto/person.view';
import { RecordConsentDto } from './dto/transition.dto';
import { PeopleRepository } from './people.repository';
import { PersonHistory } from './person-history';

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
    private readonly people: PeopleRepository,
    private readonly history: PersonHistory,
    private readonly audit: AuditService,
  ) {}

  async record(personId: string, dto: RecordConsentDto, actor: Principal): Promise<ConsentView> {
    return this.people.transaction(async (m) => {
      const person = await this.people.find(m, personId, true);
      if (!person) throw ApiError.notFound('Person');
      if (person.erased_at) throw ApiError.rule('PERSON_ERASED', 'This record was erased');
      const [row] = (await m.query(
        `INSERT INTO consents (person_id, type, granted, note, recorded_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, recorded_at`,
        [personId, dto.type, dto.granted, dto.note ?? null, actor.id],
      )) as { id: string; recorded_at: Date }[];
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
