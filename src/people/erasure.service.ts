import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { SystemActor } from '../common/audit-trail';
import { Principal } from '../common/auth.decorators';
import { ageBandAt } from './age-band';
import { IdempotencyStore } from '../common/idempotency/idempotency.store';
import { PersonAccess } from './access/person-access.service';
import { PersonErasureHooks } from './erasure-hooks';
import type { ErasableRow } from './people.repository';
import { PersonHistory } from './person-history';
import { Transactions } from '../database/transactions';

/** The people module's own tables that erasure writes (the other features' come from their hooks). */
const OWN_TABLES = ['people', 'person_history', 'consents'];

/**
 * Right to be forgotten (DESIGN.md §5). Wiped: names, aliases, native name, date of birth, estimated
 * age, languages, rescue place, vulnerabilities, document and travel-document numbers, narrative and
 * every free-text note about the person. Kept for the aggregates: nationalities, sex, the age band
 * (frozen now), compound, recruited-via, status and its dates.
 *
 * One wipe for both ways a person is erased: an admin's `DELETE /people/:id` (one person) and the
 * retention run (batches of closed cases, by the system), so both leave a record in the same shape.
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
      await this.wipe(m, [person], actor);
    });
  }

  /**
   * Wipes these people in the caller's transaction, which must hold their rows locked and know them
   * not erased yet. Set-based: a batch costs the same handful of statements as one person. Each
   * person gets an `erased` history entry and a `person.erase` audit entry naming only their id;
   * `details` says why when it was not a person's request (retention).
   */
  async wipe(
    m: EntityManager,
    people: ErasableRow[],
    actor: Principal | SystemActor,
    details?: Record<string, unknown>,
  ): Promise<void> {
    if (!people.length) return;
    const ids = people.map((p) => p.id);
    // Reports band people by age at departure; a case not yet departed is banded as of today.
    const bands = people.map((p) =>
      ageBandAt(
        { dateOfBirth: p.date_of_birth, estimatedAge: p.estimated_age, estimatedOn: p.created_at },
        p.departed_at ?? new Date(),
      ),
    );
    await m.query(
      `UPDATE people p SET given_name = NULL, family_name = NULL, name_native = NULL, aliases = '{}',
              date_of_birth = NULL, estimated_age = NULL, age_band_at_erasure = e.band, languages = '{}',
              rescue_place = NULL, vulnerabilities = '{}', document_number_enc = NULL,
              document_number_bidx = NULL, narrative_enc = NULL, name_key = NULL,
              erased_at = now(), version = p.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS e(id, band)
        WHERE p.id = e.id`,
      [ids, bands],
    );
    await m.query('UPDATE person_history SET note = NULL, reason = NULL WHERE person_id = ANY($1::uuid[])', [
      ids,
    ]);
    await m.query('UPDATE consents SET note = NULL WHERE person_id = ANY($1::uuid[])', [ids]);
    // Stored answers showing the people (an intake, a handover) hold their data (encrypted): they go too.
    await this.idempotency.forgetPeople(m, ids);
    await this.hooks.forget(m, ids);
    await this.history.addMany(
      m,
      ids.map((personId) => ({ personId, kind: 'erased' as const, actorId: actor.id })),
    );
    await this.audit.recordMany(
      m,
      ids.map((entityId) => ({ actor, action: 'person.erase', entityType: 'person', entityId, details })),
    );
  }

  /** Every table a wipe writes, for a vacuum after many erasures. */
  tablesWiped(): string[] {
    return [...OWN_TABLES, ...this.idempotency.tables, ...this.hooks.tables()];
  }
}
