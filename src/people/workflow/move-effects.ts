import type { CaseStatus, CloseReason } from './case-workflow';

/** The columns of a person that follow their status. */
export interface StatusColumns {
  status: CaseStatus;
  hold_return_status: CaseStatus | null;
  closed_reason: string | null;
  closed_at: Date | null;
  departed_at: Date | null;
  received_home_at: Date | null;
}

/**
 * What a move from `current.status` to `to` does to the status columns, beside the graph so that a
 * manual transition, a handover and a consular action all leave a case in the same shape:
 * - entering a hold remembers where to return; leaving it forgets;
 * - closing records why and when; reopening clears both;
 * - departing and arriving home stamp the event's time (what the reports count).
 */
export function applyMove(
  current: StatusColumns,
  to: CaseStatus,
  at: Date,
  closeReason?: CloseReason,
): StatusColumns {
  const from = current.status;
  const next: StatusColumns = { ...current, status: to };
  if (to === 'on_hold') next.hold_return_status = from;
  if (from === 'on_hold') next.hold_return_status = null;
  if (to === 'closed') {
    next.closed_reason = closeReason ?? null;
    next.closed_at = at;
  }
  if (from === 'closed') {
    next.closed_reason = null;
    next.closed_at = null;
  }
  if (to === 'departed') next.departed_at = at;
  if (to === 'received_home') next.received_home_at = at;
  return next;
}
