import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StageWithTarget } from '../config/stage-targets';
import { overdueSql } from '../people/workflow/stage-clocks';
import type { OneWayTable } from './disclosure/suppression';
import type { TwoWayTable } from './disclosure/two-way';
import type { CaseloadGroup, Dimension } from './dto/report-queries.dto';
import { departedIn, departureCounting, DIMENSION_KEY, ofNationalities, Params } from './report-sql';

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

/** The counting statements of the reports, over their read model (see report-sql.ts). */
@Injectable()
export class ReportsRepository {
  async repatriations(
    m: EntityManager,
    dimension: Dimension,
    range: Range,
    nationalities: string[] | null,
  ): Promise<OneWayTable> {
    const p = new Params();
    const key = DIMENSION_KEY[dimension];
    const { where, count } = departureCounting(p, nationalities, dimension === 'nationality' ? key : null);
    const rows = (await m.query(
      `SELECT ${key} AS key, ${count} AS count FROM report_departures d
        WHERE ${[where, ...departedIn(p, range)].join(' AND ')}
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
    const [r, c] = [DIMENSION_KEY[rows], DIMENSION_KEY[columns]];
    const natKey = rows === 'nationality' ? r : columns === 'nationality' ? c : null;
    const { where, count } = departureCounting(p, nationalities, natKey);
    const found = (await m.query(
      `SELECT ${r} AS r, ${c} AS c, GROUPING(${r}) AS no_r, GROUPING(${c}) AS no_c, ${count} AS count
         FROM report_departures d WHERE ${[where, ...departedIn(p, range)].join(' AND ')}
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

  /**
   * Open cases now, from the ledger of counts per (status, compound, nationalities); a dual national is
   * in each of their nationalities' cells and once in the total. Overdue cases by stage come from the
   * stage clocks over `report_cases`.
   */
  async caseload(
    m: EntityManager,
    group: CaseloadGroup,
    nationalities: string[] | null,
    targets: Readonly<Record<StageWithTarget, number>>,
  ): Promise<OneWayTable> {
    const p = new Params();
    if (group === 'overdueStage') {
      const where = [overdueSql('f', targets, (v) => p.bind(v), 'f.notification_consent')];
      if (nationalities) where.push(ofNationalities(p, 'f', nationalities));
      return toOneWay(
        (await m.query(
          `SELECT f.status AS key, count(*)::int AS count FROM report_cases f WHERE ${where.join(' AND ')}
            GROUP BY GROUPING SETS ((f.status), ())`,
          p.values,
        )) as GroupRow[],
      );
    }
    const where = [`c.status <> 'closed'`];
    if (nationalities) where.push(ofNationalities(p, 'c', nationalities));
    const open = `FROM report_caseload c WHERE ${where.join(' AND ')}`;
    if (group !== 'nationality') {
      const key = group === 'status' ? 'c.status' : `coalesce(c.compound_id::text, 'unknown')`;
      return toOneWay(
        (await m.query(
          `SELECT ${key} AS key, sum(c.people)::int AS count ${open}
            GROUP BY GROUPING SETS ((${key}), ()) HAVING sum(c.people) > 0 OR GROUPING(${key}) = 1`,
          p.values,
        )) as GroupRow[],
      );
    }
    const shown = nationalities ? `WHERE n.code = ANY(${p.bind(nationalities)}::text[])` : '';
    return toOneWay(
      (await m.query(
        `SELECT n.code AS key, sum(c.people)::int AS count
           FROM (SELECT c.* ${open}) c CROSS JOIN unnest(c.nationalities) n(code) ${shown}
          GROUP BY n.code HAVING sum(c.people) > 0
         UNION ALL
         SELECT NULL, coalesce(sum(c.people), 0)::int ${open} AND cardinality(c.nationalities) > 0`,
        p.values,
      )) as GroupRow[],
    );
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
    const scope = nationalities ? `AND ${ofNationalities(p, 'f', nationalities)}` : '';
    const figures = (metric: string, later: string, earlier: string) => {
      const inRange = [
        `${later} IS NOT NULL`,
        range.from ? `${later} >= ${p.bind(range.from)}::date` : 'TRUE',
        range.to ? `${later} < ${p.bind(range.to)}::date + 1` : 'TRUE',
      ].join(' AND ');
      return `
      SELECT '${metric}' AS metric, percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90, count(*)::int AS cases
        FROM (SELECT extract(epoch FROM ${later} - ${earlier}) / 3600 AS h FROM report_cases f
               WHERE ${inRange} ${scope}) x
       WHERE h >= 0`;
    };
    return (await m.query(
      [
        figures('rescue_to_notification', 'f.notified_at', 'f.rescued_at'),
        figures('notification_to_identity_verified', 'f.verified_at', 'f.notified_at'),
        figures('rescue_to_departure', 'f.departed_at', 'f.rescued_at'),
      ].join(' UNION ALL '),
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
