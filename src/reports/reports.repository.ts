import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StageWithTarget } from '../config/stage-targets';
import { allowWorkMemory } from '../database/transactions';
import { overdueSql, stageClocks } from '../people/workflow/stage-clocks';
import type { OneWayTable } from './disclosure/suppression';
import type { TwoWayTable } from './disclosure/two-way';
import type { CaseloadGroup, Dimension } from './dto/report-queries.dto';
import {
  departedIn,
  departureCounting,
  DIMENSION_KEY,
  ofNationalities,
  Params,
  type Range,
} from './report-sql';
import { everyoneTimelinessSql, scopedTimelinessSql } from './timeliness-sql';

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
    const { from, where, count } = departureCounting(p, nationalities, [dimension]);
    // A key whose ledger rows sum to nothing (until the next fold) is no row, as when counting people.
    const rows = (await m.query(
      `SELECT ${key} AS key, ${count} AS count FROM ${from}
        WHERE ${['TRUE', ...where, ...departedIn(p, range)].join(' AND ')}
        GROUP BY GROUPING SETS ((${key}), ()) HAVING ${count} > 0 OR GROUPING(${key}) = 1`,
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
    const { from, where, count } = departureCounting(p, nationalities, [rows, columns]);
    const found = (await m.query(
      `SELECT ${r} AS r, ${c} AS c, GROUPING(${r}) AS no_r, GROUPING(${c}) AS no_c, ${count} AS count
         FROM ${from} WHERE ${['TRUE', ...where, ...departedIn(p, range)].join(' AND ')}
        GROUP BY GROUPING SETS ((${r}, ${c}), (${r}), (${c}), ())
       HAVING ${count} > 0 OR GROUPING(${r}, ${c}) = 3`,
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
    if (group === 'overdueStage') return toOneWay(await this.overdueByStage(m, p, nationalities, targets));
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
   * Overdue cases per stage now (the stage clocks of people/workflow/stage-clocks.ts: in the status
   * since before now − the stage's target). An embassy's cases are counted in `report_cases`. Everyone's
   * come from the ledger of cases per (status, UTC day entered), for the days before the cutoff's day,
   * plus the cases of the cutoff's own day entered before the cutoff, from `report_cases`.
   */
  private async overdueByStage(
    m: EntityManager,
    p: Params,
    nationalities: string[] | null,
    targets: Readonly<Record<StageWithTarget, number>>,
  ): Promise<GroupRow[]> {
    const bind = (v: unknown) => p.bind(v);
    if (nationalities) {
      const where = [
        overdueSql('f', targets, bind, 'f.notification_consent'),
        ofNationalities(p, 'f', nationalities),
      ];
      return (await m.query(
        `SELECT f.status AS key, count(*)::int AS count FROM report_cases f WHERE ${where.join(' AND ')}
          GROUP BY GROUPING SETS ((f.status), ())`,
        p.values,
      )) as GroupRow[];
    }
    const cutoff = (target: string) => `(now() - ${target})`;
    const cutoffDay = (target: string) => `(${cutoff(target)} AT TIME ZONE 'UTC')::date`;
    const daysBefore = stageClocks('d', targets, bind, 'd.notification_consent').map(
      (s) => `(d.status = '${s.stage}' AND d.since_on < ${cutoffDay(s.target)}${s.extra})`,
    );
    const cutoffDayItself = stageClocks('f', targets, bind, 'f.notification_consent').map(
      (
        s,
      ) => `(f.status = '${s.stage}' AND f.status_since >= ${cutoffDay(s.target)}::timestamp AT TIME ZONE 'UTC'
               AND f.status_since < ${cutoff(s.target)}${s.extra})`,
    );
    return (await m.query(
      `SELECT x.status AS key, sum(x.people)::int AS count
         FROM (SELECT d.status, d.people FROM report_stage_days d WHERE ${daysBefore.join(' OR ')}
               UNION ALL
               SELECT f.status, 1 FROM report_cases f WHERE ${cutoffDayItself.join(' OR ')}) x
        GROUP BY GROUPING SETS ((x.status), ()) HAVING sum(x.people) > 0 OR GROUPING(x.status) = 1`,
      p.values,
    )) as GroupRow[];
  }

  /**
   * Medians and 90th percentiles of the hours between events (timeliness-sql.ts): everyone's from the
   * ledger of cases per hour, an audience limited to some nationalities by sorting its own cases.
   */
  async timeliness(
    m: EntityManager,
    range: Range,
    nationalities: string[] | null,
  ): Promise<{ metric: string; median: number | null; p90: number | null; cases: number }[]> {
    const p = new Params();
    let sql: string;
    if (nationalities) {
      // A nationality's year may still be many thousand intervals to sort: in memory, not on disk.
      await allowWorkMemory(m, 64);
      sql = scopedTimelinessSql(p, range, nationalities);
    } else {
      sql = everyoneTimelinessSql(p, range);
    }
    return (await m.query(sql, p.values)) as {
      metric: string;
      median: number | null;
      p90: number | null;
      cases: number;
    }[];
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
