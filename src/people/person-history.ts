import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { decodeCursor, Page, PageQueryDto, toPage } from '../common/pagination';
import type { HistoryEntryView } from './dto/person.view';
import type { CaseStatus } from './workflow/case-workflow';

export interface HistoryInput {
  personId: string;
  kind: HistoryEntryView['kind'];
  actorId: string;
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  reason?: string;
  note?: string;
  /** Names of changed fields, never their values. */
  fields?: string[];
}

interface HistoryRow {
  id: string;
  kind: HistoryEntryView['kind'];
  at: Date;
  actor_id: string | null;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  reason: string | null;
  note: string | null;
  fields: string[];
}

/** A person's case history: status changes and field changes in one stream, newest first. */
@Injectable()
export class PersonHistory {
  async add(m: EntityManager, e: HistoryInput): Promise<void> {
    await m.query(
      `INSERT INTO person_history (person_id, kind, actor_id, from_status, to_status, reason, note, fields)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        e.personId,
        e.kind,
        e.actorId,
        e.fromStatus ?? null,
        e.toStatus ?? null,
        e.reason ?? null,
        e.note ?? null,
        e.fields ?? [],
      ],
    );
  }

  async page(m: EntityManager, personId: string, query: PageQueryDto): Promise<Page<HistoryEntryView>> {
    const { limit } = query;
    const after = decodeCursor(query.cursor);
    const rows = (await m.query(
      `SELECT id, kind, at, actor_id, from_status, to_status, reason, note, fields FROM person_history
        WHERE person_id = $1 ${after ? 'AND (at, id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY at DESC, id DESC LIMIT $2`,
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
        fromStatus: r.from_status,
        toStatus: r.to_status,
        reason: r.reason,
        note: r.note,
        fields: r.fields,
      }),
    );
  }
}
