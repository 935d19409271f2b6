import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import { Transactions } from '../database/transactions';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { type CaseLabel, PersonAccess } from '../people/access/person-access.service';
import { PersonReadLog } from '../people/access/person-reads';
import { audienceOf, scopeSql } from '../people/access/person-scope';
import { ListHandoversQueryDto } from './dto/handover-queries.dto';
import type { HandoverEventView, HandoverView } from './dto/handover.view';
import { toEventView, toHandoverView } from './handover.mapper';
import { HandoversRepository, type PersonCondition } from './handovers.repository';

/**
 * Handover events as each reader may see them (DESIGN.md §4): staff see every event whole; an embassy
 * sees an event only when it holds at least one person visible to it, only those people, and never the
 * notes. Anything else is a 404, exactly like a missing event.
 */
@Injectable()
export class HandoverReader {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: HandoversRepository,
    private readonly access: PersonAccess,
    private readonly nationalities: NationalitiesService,
    private readonly audit: AuditService,
    private readonly reads: PersonReadLog,
  ) {}

  async get(id: string, actor: Principal): Promise<HandoverView> {
    return this.tx.run(async (m) => {
      const row = await this.repo.find(m, id, visibleTo(actor));
      if (!row) throw ApiError.notFound('Handover');
      const entries = (await this.repo.entriesOf(m, [id])).get(id)!;
      const labels = await this.access.caseLabels(
        m,
        entries.map((e) => e.personId),
        actor,
      );
      // Stored rows have no order of their own: case numbers give a stable one.
      entries.sort((a, b) => byCaseNumber(labels, a.personId, b.personId));
      const view = toHandoverView(row, entries, labels, audienceOf(actor));
      // Each person the event shows is a read of that person (case number, nationality): their access
      // log says so, as it does for a people list.
      await this.reads.record(
        m,
        actor,
        {
          action: 'person.handover.read',
          personIds: view.people.map((p) => p.personId),
          details: { handoverId: id },
        },
        [
          {
            actor,
            action: 'handover.read',
            entityType: 'handover',
            entityId: id,
            details: { people: view.people.length },
          },
        ],
      );
      return view;
    });
  }

  /** Newest first. Items count their people; one label query covers the whole page. */
  async list(query: ListHandoversQueryDto, actor: Principal): Promise<Page<HandoverEventView>> {
    const { limit, type, countryCode, from, to } = query;
    const after = decodeCursor(query.cursor);
    if (countryCode && !this.nationalities.isKnown(countryCode)) {
      throw ApiError.field(
        'countryCode',
        'unknown_code',
        `unknown country code ${JSON.stringify(countryCode)}`,
      );
    }
    if (from && to && from > to)
      throw ApiError.field('to', 'conflict', 'to must not be before from', { with: 'from' });
    return this.tx.run(async (m) => {
      const rows = await this.repo.page(m, { type, countryCode, from, to }, limit, after, visibleTo(actor));
      const shown = rows.slice(0, limit);
      const entries = await this.repo.entriesOf(
        m,
        shown.map((r) => r.id),
      );
      const labels = await this.access.caseLabels(
        m,
        [...new Set([...entries.values()].flat().map((e) => e.personId))],
        actor,
      );
      await this.audit.record(m, {
        actor,
        action: 'handover.list',
        entityType: 'handover',
        details: { filters: Object.keys(query), returned: shown.length },
      });
      const audience = audienceOf(actor);
      return toPage(
        rows,
        limit,
        (r) => ({ at: r.occurred_at.toISOString(), id: r.id }),
        (r) => toEventView(r, entries.get(r.id)!, labels, audience),
      );
    });
  }
}

/** The caller's person scope, from person-scope.ts, for the repository to embed. */
const visibleTo =
  (actor: Principal): PersonCondition =>
  (bind) =>
    scopeSql(actor, 'p', bind);

/** People the caller may not see sort last; they are not shown anyway. */
function byCaseNumber(labels: Map<string, CaseLabel>, a: string, b: string): number {
  const x = labels.get(a)?.caseNumber ?? '~';
  const y = labels.get(b)?.caseNumber ?? '~';
  return x < y ? -1 : x > y ? 1 : 0;
}
