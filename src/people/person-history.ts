import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { decodeCursor, Page, PageQueryDto, toPage } from '../common/pagination';
import { actorJoin, actorJson } from '../users/actor-sql';
import type { ActorView } from '../users/dto/actor.view';
import type { HistoryEntryView, HistoryEventType } from './dto/person.view';
import type { CaseStatus } from './workflow/case-workflow';

export interface HistoryInput {
  personId: string;
  kind: HistoryEntryView['kind'];
  /** `null` when the app itself acted (the retention run). */
  actorId: string | null;
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  reason?: string;
  note?: string;
  /** Names of changed fields, never their values. */
  fields?: string[];
  /** The event that caused this entry (a handover, a consular notification or action). */
  event?: { type: HistoryEventType; id: string };
}

interface HistoryRow {
  id: string;
  kind: HistoryEntryView['kind'];
  at: Date;
  actor_id: string | null;
  actor: ActorView | null;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  reason: string | null;
  note: string | null;
  fields: string[];
  event_type: HistoryEventType | null;
  event_id: string | null;
}

/** A person's case history: status changes, field changes and events in one stream, newest first. */
@Injectable()
export class PersonHistory {
  async add(m: EntityManager, entry: HistoryInput): Promise<void> {
    await this.addMany(m, [entry]);
  }

  /** Many entries in one INSERT (a handover of 2,000 people writes 2,000 entries at once). */
  async addMany(m: EntityManager, entries: HistoryInput[]): Promise<void> {
    if (!entries.length) return;
    const column = <T>(pick: (e: HistoryInput) => T) => entries.map(pick);
    // Arrays of arrays cannot be unnested as text[][] of uneven lengths: fields travel as JSON.
    await m.query(
      `INSERT INTO person_history
         (person_id, kind, actor_id, from_status, to_status, reason, note, fields, event_type, event_id)
       SELECT person_id, kind, actor_id, from_status, to_status, reason, note,
              ARRAY(SELECT jsonb_array_elements_text(fields)), event_type, event_id
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::jsonb[], $9::text[], $10::uuid[])
              WITH ORDINALITY AS h(person_id, kind, actor_id, from_status, to_status, reason, note, fields,
                                   event_type, event_id, n)
        ORDER BY n`,
      [
        column((e) => e.personId),
        column((e) => e.kind),
        column((e) => e.actorId),
        column((e) => e.fromStatus ?? null),
        column((e) => e.toStatus ?? null),
        column((e) => e.reason ?? null),
        column((e) => e.note ?? null),
        column((e) => JSON.stringify(e.fields ?? [])),
        column((e) => e.event?.type ?? null),
        column((e) => e.event?.id ?? null),
      ],
    );
  }

  async page(m: EntityManager, personId: string, query: PageQueryDto): Promise<Page<HistoryEntryView>> {
    const { limit } = query;
    const after = decodeCursor(query.cursor);
    const rows = (await m.query(
      `SELECT h.id, h.kind, h.at, h.actor_id, ${actorJson('actor', 'h.actor_id')} AS actor, h.from_status,
              h.to_status, h.reason, h.note, h.fields, h.event_type, h.event_id
         FROM person_history h ${actorJoin('actor', 'h.actor_id')}
        WHERE h.person_id = $1 ${after ? 'AND (h.at, h.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY h.at DESC, h.id DESC LIMIT $2`,
      after ? [personId, limit + 1, after.at, after.id] : [personId, limit + 1],
    )) as HistoryRow[];
    return toPage(
      rows,
      limit,
      (r) => ({ at: r.at.toISOString(), id: r.id }),
      (r) => ({
        id: r.id,
        kind: r.kind,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actor: r.actor,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        reason: r.reason,
        note: r.note,
        fields: r.fields,
        event: r.event_type && r.event_id ? { type: r.event_type, id: r.event_id } : null,
      }),
    );
  }
}
