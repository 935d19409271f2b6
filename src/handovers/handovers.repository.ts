import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Keyset } from '../common/pagination';
import { type Bind, sqlParams } from '../people/access/person-scope';
import type { HandoverOutcome, HandoverType } from './handover-kinds';
import type { HandoverEntry } from './handover-rules';

export interface HandoverEventRow {
  id: string;
  type: HandoverType;
  occurred_at: Date;
  place: string;
  country_code: string;
  from_party: string;
  to_party: string;
  consular_contact_id: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: Date;
}

export type NewHandoverEvent = Omit<HandoverEventRow, 'id' | 'created_at' | 'occurred_at'> & {
  occurred_at: string;
};

export interface HandoverFilter {
  type?: HandoverType;
  countryCode?: string;
  from?: string;
  to?: string;
}

/**
 * Which people a caller may see, as a condition on `people p` (PersonAccess's scope, embedded as is:
 * the rule is never written here). 'TRUE' for staff, who see every event.
 */
export type PersonCondition = (bind: Bind) => string;

const EVENT_COLUMNS = `e.id, e.type, e.occurred_at, e.place, e.country_code::text AS country_code, e.from_party,
  e.to_party, e.consular_contact_id, e.notes, e.created_by, e.created_at`;

/** All SQL on handover_events and handover_people. */
@Injectable()
export class HandoversRepository {
  async insertEvent(m: EntityManager, event: NewHandoverEvent): Promise<HandoverEventRow> {
    const [row] = (await m.query(
      `INSERT INTO handover_events AS e
         (type, occurred_at, place, country_code, from_party, to_party, consular_contact_id, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING ${EVENT_COLUMNS}`,
      [
        event.type,
        event.occurred_at,
        event.place,
        event.country_code,
        event.from_party,
        event.to_party,
        event.consular_contact_id,
        event.notes,
        event.created_by,
      ],
    )) as HandoverEventRow[];
    return row;
  }

  /** The people of an event, in one INSERT whatever their number. */
  async insertPeople(m: EntityManager, handoverId: string, entries: HandoverEntry[]): Promise<void> {
    await m.query(
      `INSERT INTO handover_people (handover_id, person_id, outcome)
       SELECT $1, person_id, outcome FROM unnest($2::uuid[], $3::text[]) AS u(person_id, outcome)`,
      [handoverId, entries.map((e) => e.personId), entries.map((e) => e.outcome)],
    );
  }

  /** One event, if it holds at least one person meeting `visible`. */
  async find(m: EntityManager, id: string, visible: PersonCondition): Promise<HandoverEventRow | undefined> {
    const { params, bind } = sqlParams([id]);
    const [row] = (await m.query(
      `SELECT ${EVENT_COLUMNS} FROM handover_events e WHERE e.id = $1 AND ${holdsVisible(visible, bind)}`,
      params,
    )) as HandoverEventRow[];
    return row;
  }

  /**
   * Events newest first, keyset-paged on (occurred_at, id), the order of the events' indexes (all, by
   * type, by country), each holding at least one person meeting `visible`.
   */
  async page(
    m: EntityManager,
    filter: HandoverFilter,
    limit: number,
    after: Keyset | undefined,
    visible: PersonCondition,
  ): Promise<HandoverEventRow[]> {
    const { params, bind } = sqlParams();
    const where = [holdsVisible(visible, bind)];
    if (filter.type) where.push(`e.type = ${bind(filter.type)}`);
    if (filter.countryCode) where.push(`e.country_code = ${bind(filter.countryCode)}`);
    if (filter.from) where.push(`e.occurred_at >= ${bind(filter.from)}::date`);
    if (filter.to) where.push(`e.occurred_at < ${bind(filter.to)}::date + 1`);
    if (after)
      where.push(`(e.occurred_at, e.id) < (${bind(after.at)}::timestamptz, ${bind(after.id)}::uuid)`);
    return (await m.query(
      `SELECT ${EVENT_COLUMNS} FROM handover_events e WHERE ${where.join(' AND ')}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${bind(limit + 1)}`,
      params,
    )) as HandoverEventRow[];
  }

  /** The people listed in these events, by event. */
  async entriesOf(m: EntityManager, handoverIds: string[]): Promise<Map<string, HandoverEntry[]>> {
    const byEvent = new Map<string, HandoverEntry[]>(handoverIds.map((id) => [id, []]));
    if (!handoverIds.length) return byEvent;
    const rows = (await m.query(
      `SELECT handover_id, person_id, outcome FROM handover_people WHERE handover_id = ANY($1::uuid[])`,
      [handoverIds],
    )) as { handover_id: string; person_id: string; outcome: HandoverOutcome }[];
    for (const r of rows) byEvent.get(r.handover_id)!.push({ personId: r.person_id, outcome: r.outcome });
    return byEvent;
  }
}

/** "The event holds someone the caller may see": skipped when the caller sees everyone. */
function holdsVisible(visible: PersonCondition, bind: Bind): string {
  const condition = visible(bind);
  if (condition === 'TRUE') return 'TRUE';
  return `EXISTS (SELECT 1 FROM handover_people hp JOIN people p ON p.id = hp.person_id
                   WHERE hp.handover_id = e.id AND ${condition})`;
}
