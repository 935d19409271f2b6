import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import type { HistoryEventType } from './dto/person.view';
import { PersonHistory } from './person-history';
import type { CaseStatus, CloseReason, Trigger } from './workflow/case-workflow';
import { applyMove, type StatusColumns } from './workflow/move-effects';

/** A person as locked for a move: the columns a move reads and writes. */
export interface LockedPerson extends StatusColumns {
  id: string;
  version: number;
  erased_at: Date | null;
}

export interface MoveContext {
  trigger: Trigger;
  actor: Principal;
  /** When the move happened (a handover's time; now for the others): the new stage's clock starts here. */
  at: Date;
  /** The closing reason, for `closed`. */
  closeReason?: CloseReason;
  /** Free-text reason and note of a manual move: history only, never the audit log. */
  reason?: string;
  note?: string;
  event?: { type: HistoryEventType; id: string };
}

/**
 * People's public face for status moves (DESIGN.md §6): the one writer of a case's status, used by
 * manual transitions, handovers and consular actions alike. Callers lock, check the graph for their
 * trigger, then move; the moves of one call are one UPDATE, one history INSERT and one audit INSERT.
 */
@Injectable()
export class PeopleMover {
  constructor(
    private readonly history: PersonHistory,
    private readonly audit: AuditService,
  ) {}

  /**
   * Locks the people named (those that exist) until the end of the transaction, always in id order:
   * two batches over overlapping people then queue one behind the other instead of deadlocking.
   */
  async lock(m: EntityManager, ids: string[]): Promise<Map<string, LockedPerson>> {
    const rows = (await m.query(
      `SELECT id, version, erased_at, status, hold_return_status, closed_reason, closed_at, departed_at,
              received_home_at
         FROM people WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    )) as LockedPerson[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Moves locked people to `to` (the caller has checked the graph), bumps their versions and records
   * one history and one audit entry each. Answers the new version of each person.
   */
  async move(
    m: EntityManager,
    people: LockedPerson[],
    to: CaseStatus,
    ctx: MoveContext,
  ): Promise<Map<string, number>> {
    if (!people.length) return new Map();
    const after = people.map((p) => applyMove(p, to, ctx.at, ctx.closeReason));
    const column = <K extends keyof StatusColumns>(key: K) => after.map((a) => a[key]);
    const rows = (await m.query(
      `UPDATE people p
          SET status = u.status, hold_return_status = u.hold_return_status, closed_reason = u.closed_reason,
              closed_at = u.closed_at, departed_at = u.departed_at, received_home_at = u.received_home_at,
              status_since = $8, version = p.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                     $7::timestamptz[])
              AS u(id, status, hold_return_status, closed_reason, closed_at, departed_at, received_home_at)
        WHERE p.id = u.id
       RETURNING p.id, p.version`,
      [
        people.map((p) => p.id),
        column('status'),
        column('hold_return_status'),
        column('closed_reason'),
        column('closed_at'),
        column('departed_at'),
        column('received_home_at'),
        ctx.at,
      ],
    )) as [{ id: string; version: number }[], number];
    await this.history.addMany(
      m,
      people.map((p) => ({
        personId: p.id,
        kind: 'status_change' as const,
        actorId: ctx.actor.id,
        fromStatus: p.status,
        toStatus: to,
        reason: ctx.closeReason ?? ctx.reason,
        note: ctx.note,
        event: ctx.event,
      })),
    );
    await this.audit.recordMany(
      m,
      people.map((p) => ({
        actor: ctx.actor,
        action: 'person.transition',
        entityType: 'person',
        entityId: p.id,
        // A closing reason is a code; free text stays out of the audit log.
        details: { from: p.status, to, via: ctx.trigger, reason: ctx.closeReason, event: ctx.event },
      })),
    );
    return new Map(rows[0].map((r) => [r.id, r.version]));
  }

  /**
   * Records that an event touched these people without moving them (absent at a handover, an
   * embassy's acknowledgement): their versions move on, and their history and access log show it.
   */
  async touch(
    m: EntityManager,
    ids: string[],
    ctx: Pick<MoveContext, 'actor' | 'event'> & { action: string },
  ): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const [rows] = (await m.query(
      `UPDATE people SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[]) RETURNING id, version`,
      [ids],
    )) as [{ id: string; version: number }[], number];
    await this.history.addMany(
      m,
      ids.map((id) => ({ personId: id, kind: 'event' as const, actorId: ctx.actor.id, event: ctx.event })),
    );
    await this.audit.recordMany(
      m,
      ids.map((id) => ({
        actor: ctx.actor,
        action: ctx.action,
        entityType: 'person',
        entityId: id,
        details: { event: ctx.event },
      })),
    );
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  /**
   * An embassy verified the person's identity: their nationality of that embassy's country is no
   * longer only claimed (DESIGN.md §2, "each claimed or verified"). Inside the embassy's move, which
   * already bumps the version and records the history and audit entries of the act.
   */
  async confirmNationality(m: EntityManager, personId: string, countryCode: string): Promise<void> {
    await m.query(
      `UPDATE person_nationalities SET verified = true WHERE person_id = $1 AND nationality_code = $2`,
      [personId, countryCode],
    );
  }
}
