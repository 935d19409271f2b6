import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StageWithTarget } from '../config/stage-targets';
import { overdueSql } from '../people/workflow/stage-clocks';
import type { OneWayTable } from './disclosure/suppression';
import type { TwoWayTable } from './disclosure/two-way';
import type { CaseloadGroup, Dimension } from './dto/report-queries.dto';
import {
  CASELOAD_KEY,
  departedSql,
  DIMENSION_KEY,
  nationalityJoin,
  ofNationalities,
  Params,
} from './report-sql';

export interface Range {
  from?: string;
  to?: string;
}

interface GroupRow {
  key: string | null;
  count: number;
}

/** Rows of a GROUPING SETS ((key), ()) query: the keyed ones are the cells, the one without the total. */
function toOneWay(rows: GroupRow[]): OneWayTable {
  const total = rows.find((r) => r.key === null)?.count ?? 0;
  return { cells: rows.filter((r) => r.key !== null).map((r) => ({ key: r.key!, count: r.count })), total };
}

/** A dual national is two rows of the nationality join: count people, not rows, where it applies. */
const counted = (dimensions: string[]) =>
  dimensions.includes('nationality') ? 'count(DISTINCT d.id)::int' : 'count(*)::int';

/** The counting statements of the reports (the read model; see report-sql.ts). */
@Injectable()
export class ReportsRepository {
  async repatriations(
    m: EntityManager,
    dimension: Dimension,
    range: Range,
    nationalities: string[] | null,
  ): Promise<OneWayTable> {
    const p = new Params();
    const people = departedSql(p, range, nationalities);
    const join = dimension === 'nationality' ? nationalityJoin(p, nationalities) : '';
    const key = DIMENSION_KEY[dimension];
    const rows = (await m.query(
      `WITH d AS MATERIALIZED (${people})
       SELECT ${key} AS key, ${counted([dimension])} AS count FROM d ${join}
        GROUP BY GROUPING SETS ((${key}), ())`,
      p.values,
    )) as GroupRow[];
    return toOneWay(rows);
  }

  async crosstab(
    m: EntityManager,
    rows: Dimension,
    columns: Dimension,
    range: Range,
    nationalities: string[] | null,
  ): Promise<Omit<TwoWayTable, 'rowKeys' | 'columnKeys'> & { rowKeys: string[]; columnKeys: string[] }> {
    const p = new Params();
    const people = departedSql(p, range, nationalities);
    const join = rows === 'nationality' || columns === 'nationality' ? nationalityJoin(p, nationalities) : '';
    const [r, c] = [DIMENSION_KEY[rows], DIMENSION_KEY[columns]];
    const found = (await m.query(
      `WITH d AS MATERIALIZED (${people})
       SELECT ${r} AS r, ${c} AS c, GROUPING(${r}) AS no_r, GROUPING(${c}) AS no_c, ${counted([rows, columns])} AS count
         FROM d ${join}
        GROUP BY GROUPING SETS ((${r}, ${c}), (${r}), (${c}), ())`,
      p.values,
    )) as { r: string | null; c: string | null; no_r: number; no_c: number; count: number }[];
    const rowKeys = [...new Set(found.filter((f) => !f.no_r).map((f) => f.r!))];
    const columnKeys = [...new Set(found.filter((f) => !f.no_c).map((f) => f.c!))];
    const counts = rowKeys.map(() => columnKeys.map(() => 0));
    const rowTotals = rowKeys.map(() => 0);
    const columnTotals = columnKeys.map(() => 0);
    let total = 0;
    for (const f of found) {
      if (!f.no_r && !f.no_c) counts[rowKeys.indexOf(f.r!)][columnKeys.indexOf(f.c!)] = f.count;
      else if (!f.no_r) rowTotals[rowKeys.indexOf(f.r!)] = f.count;
      else if (!f.no_c) columnTotals[columnKeys.indexOf(f.c!)] = f.count;
      else total = f.count;
    }
    return { rowKeys, columnKeys, counts, rowTotals, columnTotals, total };
  }

  /** Open cases now; by stage for the overdue ones. */
  async caseload(
    m: EntityManager,
    group: CaseloadGroup,
    nationalities: string[] | null,
    targets: Readonly<Record<StageWithTarget, number>>,
  ): Promise<OneWayTable> {
    const p = new Params();
    const where = [`p.status <> 'closed'`];
    if (nationalities) where.push(ofNationalities(p, 'p', nationalities));
    if (group === 'overdueStage') where.push(overdueSql('p', targets, (v) => p.bind(v)));
    const key = group === 'overdueStage' ? 'd.status' : CASELOAD_KEY[group];
    const join = group === 'nationality' ? nationalityJoin(p, nationalities) : '';
    const rows = (await m.query(
      `WITH d AS MATERIALIZED (SELECT p.id, p.status, p.compound_id FROM people p WHERE ${where.join(' AND ')})
       SELECT ${key} AS key, ${counted([group])} AS count FROM d ${join}
        GROUP BY GROUPING SETS ((${key}), ())`,
      p.values,
    )) as GroupRow[];
    return toOneWay(rows);
  }

  /**
   * Hours between events, per metric, over the cases whose later event falls in the range: rescue →
   * the earliest notification; that notification → the earliest identity verification after it;
   * rescue → departure. Late records that make an interval negative are left out.
   */
  async timeliness(
    m: EntityManager,
    range: Range,
    nationalities: string[] | null,
  ): Promise<{ metric: string; median: number | null; p90: number | null; cases: number }[]> {
    const p = new Params();
    const inRange = (column: string) =>
      [
        range.from ? `${column} >= ${p.bind(range.from)}::date` : 'TRUE',
        range.to ? `${column} < ${p.bind(range.to)}::date + 1` : 'TRUE',
      ].join(' AND ');
    const scope = nationalities ? `AND ${ofNationalities(p, 'p', nationalities)}` : '';
    const hours = (later: string, earlier: string) => `extract(epoch FROM ${later} - ${earlier}) / 3600`;
    const figures = (metric: string, from: string, later: string, earlier: string) => `
      SELECT '${metric}' AS metric, percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90, count(*)::int AS cases
        FROM (SELECT ${hours(later, earlier)} AS h ${from} AND ${inRange(later)} ${scope}) x WHERE h >= 0`;
    return (await m.query(
      `WITH first_notice AS MATERIALIZED (
         SELECT DISTINCT ON (n.person_id) n.person_id, n.notified_at,
                (SELECT min(v.identity_verified_at) FROM consular_notifications v
                  WHERE v.person_id = n.person_id AND v.identity_verified_at >= n.notified_at) AS verified_at
           FROM consular_notifications n ORDER BY n.person_id, n.notified_at)
       ${figures('rescue_to_notification', 'FROM first_notice f JOIN people p ON p.id = f.person_id WHERE TRUE', 'f.notified_at', 'p.rescued_at')}
       UNION ALL
       ${figures('notification_to_identity_verified', 'FROM first_notice f JOIN people p ON p.id = f.person_id WHERE f.verified_at IS NOT NULL', 'f.verified_at', 'f.notified_at')}
       UNION ALL
       ${figures('rescue_to_departure', 'FROM people p WHERE p.departed_at IS NOT NULL', 'p.departed_at', 'p.rescued_at')}`,
      p.values,
    )) as { metric: string; median: number | null; p90: number | null; cases: number }[];
  }

  async compoundNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = (await m.query('SELECT id::text, name FROM compounds WHERE id = ANY($1::uuid[])', [
      ids,
    ])) as {
      id: string;
      name: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
