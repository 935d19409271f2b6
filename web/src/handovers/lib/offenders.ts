import { ApiError } from '../../api/errors';
import type { Offender, OffenceReason, SelectedPerson } from './types';

/** One person the event cannot carry, with what the builder knows of them (absent if not found). */
export interface IneligiblePerson {
  personId: string;
  reason: OffenceReason;
  person: SelectedPerson | undefined;
}

const REASONS: readonly OffenceReason[] = ['not_found', 'duplicate', 'not_eligible', 'erased'];

/** The dry run's offenders (or a refused event's), in the order listed, joined to the people chosen. */
export function ineligiblePeople(
  offenders: readonly Offender[],
  chosen: ReadonlyMap<string, SelectedPerson>,
): IneligiblePerson[] {
  return offenders.map(({ personId, reason }) => ({ personId, reason, person: chosen.get(personId) }));
}

/**
 * The offenders of a refused POST /handovers (422 HANDOVER_INVALID, or PERSON_ERASED when one of
 * them was erased): someone moved a case between the dry run and the recording. Undefined for any
 * other error.
 */
export function offendersOfRefusal(error: unknown): Offender[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 422) return undefined;
  if (error.code !== 'HANDOVER_INVALID' && error.code !== 'PERSON_ERASED') return undefined;
  const offenders = error.details.flatMap((d) =>
    d.personId && d.reason && REASONS.includes(d.reason) ? [{ personId: d.personId, reason: d.reason }] : [],
  );
  return offenders.length ? offenders : undefined;
}
