import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Keyset } from '../common/pagination';
import type { CompoundStatus } from './dto/compound-fields';
import type { CompoundView } from './dto/compound.view';

interface CompoundRow {
  id: string;
  name: string;
  aliases: string[];
  country_code: string;
  region: string | null;
  town: string | null;
  latitude: string | null;
  longitude: string | null;
  controlled_by: string | null;
  status: CompoundStatus;
  notes: string | null;
  first_reported_on: string | null;
  last_reported_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The writable fields, by their API names. */
export type CompoundFields = Omit<CompoundView, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** API field → column. Only these columns are ever written, whatever a caller passes. */
const COLUMNS: Record<keyof CompoundFields, string> = {
  name: 'name',
  aliases: 'aliases',
  countryCode: 'country_code',
  region: 'region',
  town: 'town',
  latitude: 'latitude',
  longitude: 'longitude',
  controlledBy: 'controlled_by',
  status: 'status',
  notes: 'notes',
  firstReportedOn: 'first_reported_on',
  lastReportedOn: 'last_reported_on',
};

// Dates as text: node-postgres would turn a date into a Date at local midnight, a day off east of UTC.
const SELECT_COMPOUND = `
  SELECT c.id, c.name, c.aliases, c.country_code, c.region, c.town, c.latitude, c.longitude, c.controlled_by,
         c.status, c.notes, to_char(c.first_reported_on, 'YYYY-MM-DD') AS first_reported_on,
         to_char(c.last_reported_on, 'YYYY-MM-DD') AS last_reported_on, c.version, c.created_at, c.updated_at
    FROM compounds c`;

/**
 * How close a compound must come to `q` to be listed, as the greatest of three trigram scores
 * (0 to 1) between the folded query and the folded names:
 * - the query found within the names, typos allowed ("Shwe Koko" in "Shwe Kokko", "Yatai" in "Yatai New City");
 * - the query within one name or alias, spaces and punctuation removed from both ("KKPark" / "KK Park").
 *   Name by name: squeezed together, the end of one name would run into the start of the next;
 * - one whole name or alias found within the query ("Yatai New City" finds a compound called "Yatai").
 * 0.7 keeps a shared common word out: "KK Park" scores 0.63 against "Huione Park" and every other "… Park".
 */
const MATCH_THRESHOLD = 0.7;

/**
 * The index's part: a loose net on the trigram GIN index over search_text (the query, and each of its
 * words, as word_similarity) from which the score above picks. It is looser than the score so that the
 * spaceless and whole-name matches are in the net: "KKPark" reaches "KK Park" only at 0.5.
 */
const CANDIDATE_THRESHOLD = 0.3;

const SQUEEZE = (expr: string) => `regexp_replace(${expr}, '[[:space:][:punct:]]+', '', 'g')`;

export function toCompoundView(row: CompoundRow): CompoundView {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    countryCode: row.country_code,
    region: row.region,
    town: row.town,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    controlledBy: row.controlled_by,
    status: row.status,
    notes: row.notes,
    firstReportedOn: row.first_reported_on,
    lastReportedOn: row.last_reported_on,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface CompoundFilter {
  countryCode?: string;
  status?: CompoundStatus;
}

/** SQL for compounds, and the only place that touches the table; the rules live in CompoundsService. */
@Injectable()
export class CompoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CompoundView | undefined> {
    const [row] = (await manager.query(`${SELECT_COMPOUND} WHERE c.id = $1`, [id])) as CompoundRow[];
    return row && toCompoundView(row);
  }

  /** For features that point at a compound (a person's compoundId), so they need not query this table. */
  async exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const found = (await manager.query('SELECT 1 FROM compounds WHERE id = $1', [id])) as unknown[];
    return found.length > 0;
  }

  /** Newest first, keyset-paged on (created_at, id); limit + 1 rows, as toPage expects. */
  async page(
    filter: CompoundFilter,
    limit: number,
    after: Keyset | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CompoundView[]> {
    const { where, params } = filterSql(filter);
    if (after) {
      params.push(after.at, after.id);
      where.push(`(c.created_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = (await manager.query(
      `${SELECT_COMPOUND} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    )) as CompoundRow[];
    return rows.map(toCompoundView);
  }

  /**
   * The best `limit` matches for `q`, best first (ties: the closer whole text, then id, so the order is
   * stable). Runs in the caller's transaction: the candidate threshold is set for this transaction only.
   */
  async search(m: EntityManager, q: string, filter: CompoundFilter, limit: number): Promise<CompoundView[]> {
    await m.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
      String(CANDIDATE_THRESHOLD),
    ]);
    const { where, params } = filterSql(filter);
    // Each word on its own, so that a long query still nets a compound named by one of its words.
    const terms = [...new Set([q, ...q.split(/\s+/)])];
    params.push(q, terms, MATCH_THRESHOLD, limit);
    const [pq, pTerms, pThreshold, pLimit] = [1, 2, 3, 4].map((i) => `$${params.length - 4 + i}`);
    where.push(`c.search_text %> ANY (ARRAY(SELECT sr_fold(t) FROM unnest(${pTerms}::text[]) t))`);
    const rows = (await m.query(
      `WITH query AS (SELECT sr_fold(${pq}::text) AS f),
            scored AS (
              SELECT c.id,
                     greatest(
                       word_similarity(query.f, c.search_text),
                       (SELECT max(greatest(word_similarity(${SQUEEZE('query.f')}, ${SQUEEZE('n.f')}),
                                            word_similarity(n.f, query.f)))
                          FROM unnest(array_prepend(c.name, c.aliases)) name,
                               LATERAL (SELECT sr_fold(name) AS f) n)
                     ) AS score,
                     similarity(query.f, c.search_text) AS closeness
                FROM compounds c, query
               WHERE ${where.join(' AND ')})
       ${SELECT_COMPOUND} JOIN scored s ON s.id = c.id
        WHERE s.score >= ${pThreshold}
        ORDER BY s.score DESC, s.closeness DESC, c.id
        LIMIT ${pLimit}`,
      params,
    )) as CompoundRow[];
    return rows.map(toCompoundView);
  }

  async insert(m: EntityManager, fields: Partial<CompoundFields>): Promise<string> {
    const names = writable(fields);
    const [{ id }] = (await m.query(
      `INSERT INTO compounds (${names.map((f) => COLUMNS[f]).join(', ')})
       VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      names.map((f) => fields[f]),
    )) as { id: string }[];
    return id;
  }

  /** Optimistic update: false when the version moved on since the caller read it. */
  async update(
    m: EntityManager,
    id: string,
    version: number,
    changes: Partial<CompoundFields>,
  ): Promise<boolean> {
    const names = writable(changes);
    const [, affected] = (await m.query(
      `UPDATE compounds SET ${names.map((f, i) => `${COLUMNS[f]} = $${i + 3}`).join(', ')},
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, version, ...names.map((f) => changes[f])],
    )) as [unknown, number];
    return affected === 1;
  }
}

function writable(fields: Partial<CompoundFields>): (keyof CompoundFields)[] {
  return (Object.keys(fields) as (keyof CompoundFields)[]).filter(
    (f) => Object.hasOwn(COLUMNS, f) && fields[f] !== undefined,
  );
}

function filterSql(filter: CompoundFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.countryCode) {
    params.push(filter.countryCode);
    where.push(`c.country_code = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`c.status = $${params.length}`);
  }
  return { where, params };
}
