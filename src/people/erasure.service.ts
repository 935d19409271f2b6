import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ageBandAt } from './age-band';
import { IdempotencyStore } from '../common/idempotency/idempotency.store';
import { PersonAccess } from './access/person-access.service';
import { PersonErasureHooks } from './erasure-hooks';
import { PersonHistory } from './person-history';
import { Transactions } from '../database/transactions';

/**
 * Right to be forgotten (DESIGN.md §5). Wiped: names, aliases, native name, date of birth, estimated
 * age, languages, rescue place, vulnerabilities, document and travel-document numbers, narrative and
 * every free-text note about the person. Kept for the aggregates: nationalities, sex, the age band
 * (frozen now), compound, recruited-via, status and its dates.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly tx: Transactions,
    private readonly history: PersonHistory,
    private readonly audit: AuditService,
    private readonly access: PersonAccess,
    private readonly idempotency: IdempotencyStore,
    private readonly hooks: PersonErasureHooks,
  ) {}

  async erase(id: string, actor: Principal): Promise<void> {
    await this.tx.run(async (m) => {
      const person = await this.access.loadVisible(m, id, actor, { forUpdate: true, allowErased: true });
      if (person.erased_at) return; // already erased: nothing left to wipe

      // Reports band people by age at departure; a case not yet departed is banded as of today.
      const ageBand = ageBandAt(
        {
          dateOfBirth: person.date_of_birth,
          estimatedAge: person.estimated_age,
          estimatedOn: person.created_at,
        },
        person.departed_at ?? new Date(),
      );
      await m.query(
        `UPDATE people SET given_name = NULL, family_name = NULL, name_native = NULL, aliases = '{}',
                date_of_birth = NULL, estimated_age = NULL, age_band_at_erasure = $2, languages = '{}',
                rescue_place = NULL, vulnerabilities = '{}', document_number_enc = NULL,
                document_number_bidx = NULL, narrative_enc = NULL, name_key = NULL,
                erased_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, ageBand],
      );
      await m.query('UPDATE person_history SET note = NULL, reason = NULL WHERE person_id = $1', [id]);
      await m.query('UPDATE consents SET note = NULL WHERE person_id = $1', [id]);
      // A stored intake answer holds the person's data (encrypted): it goes too.
      await this.idempotency.forgetResource(m, id);
      await this.hooks.forget(m, id);
      await this.history.add(m, { personId: id, kind: 'erased', actorId: actor.id });
      await this.audit.record(m, { actor, action: 'person.erase', entityType: 'person', entityId: id });
    });
  }
}
