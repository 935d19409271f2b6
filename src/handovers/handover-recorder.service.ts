import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { ContactLookup } from '../consular/contact-lookup.service';
import { Transactions } from '../database/transactions';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { type CaseLabel, PersonAccess } from '../people/access/person-access.service';
import { type LockedPerson, PeopleMover } from '../people/people-mover.service';
import { CreateHandoverDto } from './dto/create-handover.dto';
import type { HandoverDryRunView, HandoverView } from './dto/handover.view';
import { type HandoverEntry, judge, type Offender, statusEffect, summarize } from './handover-rules';
import { toHandoverView } from './handover.mapper';
import { HandoversRepository } from './handovers.repository';

/** What the checks found, before anything is written. */
interface Checked {
  entries: HandoverEntry[];
  people: Map<string, LockedPerson>;
  labels: Map<string, CaseLabel>;
  eligible: HandoverEntry[];
  offenders: Offender[];
}

/**
 * Records a handover event atomically (API.md "Handovers"): every listed person is locked and checked,
 * and either the event, its people, their moves and the audit entries are all written, or nothing is.
 * A dry run runs the same checks and answers what the real request would do.
 */
@Injectable()
export class HandoverRecorder {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: HandoversRepository,
    private readonly access: PersonAccess,
    private readonly mover: PeopleMover,
    private readonly contacts: ContactLookup,
    private readonly nationalities: NationalitiesService,
    private readonly audit: AuditService,
  ) {}

  async record(dto: CreateHandoverDto, actor: Principal): Promise<HandoverView> {
    this.checkCountry(dto.countryCode);
    return this.tx.runAnswering(async (m) => {
      const checked = await this.check(m, dto, actor);
      if (checked.offenders.length) throw refusal(checked.offenders, checked.entries.length);
      return this.write(m, dto, checked, actor);
    });
  }

  /**
   * The same checks under the same locks, so the answer holds for a real request sent next (unless
   * someone moves the people in between). Its only write is the audit entry: the answer shows who
   * exists and where their cases stand, which is a read of their records.
   */
  async dryRun(dto: CreateHandoverDto, actor: Principal): Promise<HandoverDryRunView> {
    this.checkCountry(dto.countryCode);
    return this.tx.run(async (m) => {
      const { entries, labels, eligible, offenders } = await this.check(m, dto, actor);
      const summary = summarize(eligible, labels);
      await this.audit.record(m, {
        actor,
        action: 'handover.dry_run',
        entityType: 'handover',
        details: {
          type: dto.type,
          people: entries.length,
          eligible: eligible.length,
          offenders: offenders.length,
        },
      });
      return {
        valid: offenders.length === 0,
        eligible: eligible.map((e) => e.personId),
        offenders,
        summary,
      };
    });
  }

  private checkCountry(code: string): void {
    if (!this.nationalities.isKnown(code)) {
      throw ApiError.field('countryCode', 'unknown_code', `unknown country code ${JSON.stringify(code)}`);
    }
  }

  /**
   * Locks every listed person (PeopleMover.lock takes them in id order, so two events over the same
   * people queue instead of deadlocking, and the second sees the first's moves), then finds every
   * offender. Scope comes from PersonAccess: a person the caller may not see is not found.
   */
  private async check(m: EntityManager, dto: CreateHandoverDto, actor: Principal): Promise<Checked> {
    if (dto.consularContactId && !(await this.contacts.countryOf(m, dto.consularContactId))) {
      throw ApiError.field('consularContactId', 'unknown_reference', 'no consular contact with this id');
    }
    const entries = dto.people.map((p) => ({ personId: p.personId, outcome: p.outcome ?? 'handed_over' }));
    const ids = [...new Set(entries.map((e) => e.personId))];
    const people = await this.mover.lock(m, ids);
    const labels = await this.access.caseLabels(m, ids, actor);
    return { entries, people, labels, ...judge(dto.type, entries, people, labels) };
  }

  private async write(
    m: EntityManager,
    dto: CreateHandoverDto,
    { entries, people, labels }: Checked,
    actor: Principal,
  ): Promise<HandoverView> {
    const event = await this.repo.insertEvent(m, {
      type: dto.type,
      occurred_at: dto.occurredAt,
      place: dto.place,
      country_code: dto.countryCode,
      from_party: dto.fromParty,
      to_party: dto.toParty,
      consular_contact_id: dto.consularContactId ?? null,
      notes: dto.notes ?? null,
      created_by: actor.id,
    });
    await this.repo.insertPeople(m, event.id, entries);

    const ref = { type: 'handover' as const, id: event.id };
    const moving = entries.filter((e) => statusEffect(dto.type, e.outcome));
    const effect = statusEffect(dto.type, 'handed_over');
    if (effect && moving.length) {
      // The stored time (rounded to the millisecond by the column) is the one the case gets.
      await this.mover.move(
        m,
        moving.map((e) => people.get(e.personId)!),
        effect.to,
        { trigger: effect.trigger, actor, at: event.occurred_at, event: ref },
      );
    }
    const staying = entries.filter((e) => !statusEffect(dto.type, e.outcome)).map((e) => e.personId);
    await this.mover.touch(m, staying, { actor, event: ref, action: 'person.handover' });

    const view = toHandoverView(event, entries, labels, 'staff');
    await this.audit.record(m, {
      actor,
      action: 'handover.create',
      entityType: 'handover',
      entityId: event.id,
      details: {
        type: dto.type,
        people: view.summary.people,
        byOutcome: view.summary.byOutcome,
        moved: moving.length,
      },
    });
    return view;
  }
}

/** The 422: PERSON_ERASED when anyone listed was erased (an erased person refuses every write). */
function refusal(offenders: Offender[], listed: number): ApiError {
  const erased = offenders.some((o) => o.reason === 'erased');
  return ApiError.rule(
    erased ? 'PERSON_ERASED' : 'HANDOVER_INVALID',
    `${offenders.length} of the ${listed} people listed cannot be part of this event` +
      `${erased ? ' (an erased record takes no new entries)' : ''}: nothing was recorded`,
    offenders,
  );
}
