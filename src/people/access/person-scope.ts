import type { Principal } from '../../common/auth.decorators';
import { CASE_STAFF } from '../../common/roles';
import type { CaseStatus } from '../workflow/case-workflow';

/** Who a principal is to a person record: staff see every case; an embassy its own nationals; others none. */
export type Audience = 'staff' | 'consular' | 'none';

export function audienceOf(principal: Pick<Principal, 'role'>): Audience {
  if (CASE_STAFF.includes(principal.role)) return 'staff';
  return principal.role === 'consular' ? 'consular' : 'none';
}

/**
 * A protection claim (asylum, refugee or statelessness), or a hold entered from one: every embassy is
 * locked out of the person, and nobody may notify one. The same test as in the consular scope below.
 */
export function underProtectionClaim(person: {
  status: CaseStatus;
  hold_return_status: CaseStatus | null;
}): boolean {
  return person.status === 'protection_claim' || person.hold_return_status === 'protection_claim';
}

/** Adds a value to a parameter list and answers its placeholder (`$3`). */
export type Bind = (value: unknown) => string;

/** A parameter list and its binder, for building one statement from several fragments. */
export function sqlParams(initial: unknown[] = []): { params: unknown[]; bind: Bind } {
  const params = [...initial];
  return {
    params,
    bind: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * A person's consent answers, latest first: by when the person gave the answer (a form signed in the
 * field and typed in days later counts from the day it was signed), then by when it was recorded.
 * The first answer of each type is the current one. The one definition of "current consent": the
 * access rule, the person's `consents`, the stage clocks and the consent list all order by this.
 */
export const consentsLatestFirst = (alias: string) =>
  `${alias}.given_at DESC, ${alias}.recorded_at DESC, ${alias}.id DESC`;

/** The current answer of this type is a grant (no answer at all is no consent). */
export const consentGrantedSql = (person: string, type: string) =>
  `coalesce((SELECT c.granted FROM consents c WHERE c.person_id = ${person}.id AND c.type = '${type}'
              ORDER BY ${consentsLatestFirst('c')} LIMIT 1), false)`;

/**
 * The rows of `people` (as `alias`) a principal may see, as one SQL condition: the whole access rule
 * (DESIGN.md §4), and the only place it is written.
 * - staff: every person, erased records included (they read as `erased: true`);
 * - consular: people holding one of the officer's nationalities, whose current consent to consular
 *   notification is a grant (Vienna Convention art. 36: only at the person's request), with no
 *   protection claim (a claim, or a hold entered from one, locks every embassy out), never erased;
 * - anyone else: nobody. A role added tomorrow sees nothing until this says otherwise.
 */
export function scopeSql(
  principal: Pick<Principal, 'role' | 'nationalities'>,
  alias: string,
  bind: Bind,
): string {
  switch (audienceOf(principal)) {
    case 'staff':
      return 'TRUE';
    case 'consular':
      // The nationality clause is a scalar subquery, not an EXISTS: an EXISTS becomes a semi-join,
      // and under the consular role's policy (planned without statistics) the planner hashed every
      // row of the nationality first; as a probe of the primary key per row an officer's list page
      // takes 1 ms instead of 190 ms at 300,000 people (migration EmbassyScopeNationalityProbe).
      return `(${alias}.erased_at IS NULL
        AND ${alias}.status <> 'protection_claim'
        AND ${alias}.hold_return_status IS DISTINCT FROM 'protection_claim'
        AND coalesce((SELECT true FROM person_nationalities scope_pn
                        WHERE scope_pn.person_id = ${alias}.id
                          AND scope_pn.nationality_code = ANY(${bind(principal.nationalities)}::text[])
                        LIMIT 1), false)
        AND ${consentGrantedSql(alias, 'consular_notification')})`;
    default:
      return 'FALSE';
  }
}
