import fc from 'fast-check';
import loadHighs from 'highs';
import type { Disclosed } from './disclosed';
import { suppressOneWay } from './suppression';
import { suppressTwoWay } from './two-way';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/** A figure of a published table: its true count, and whether the reader sees it. */
interface Figure {
  count: number;
  hidden: boolean;
}
/** "These members add up to that sum", as a reader of the table knows it. */
interface Relation {
  members: number[];
  sum: number;
}

/**
 * What an attacker can work out: for each hidden figure, its smallest and largest value over every
 * non-negative table that agrees with everything published. Solved as two linear programs per figure
 * with HiGHS; infinity when nothing bounds it above.
 */
function intervals(highs: Highs, figures: Figure[], relations: Relation[]): Map<number, [number, number]> {
  const variable = (i: number) => `x${i}`;
  const constraints = relations.flatMap((r, n) => {
    const terms: string[] = [];
    let constant = 0;
    for (const m of r.members) {
      if (figures[m].hidden) terms.push(`+ ${variable(m)}`);
      else constant += figures[m].count;
    }
    if (figures[r.sum].hidden) terms.push(`- ${variable(r.sum)}`);
    else constant -= figures[r.sum].count;
    return terms.length ? [` r${n}: ${terms.join(' ')} = ${-constant}`] : [];
  });
  const hidden = figures.flatMap((f, i) => (f.hidden ? [i] : []));
  const bounds = hidden.map((i) => ` ${variable(i)} >= 0`).join('\n');
  const solve = (sense: 'Minimize' | 'Maximize', i: number): number => {
    const lp = `${sense}\n obj: ${variable(i)}\nSubject To\n${constraints.join('\n') || ' r: x0 >= 0'}\nBounds\n${bounds}\nEnd`;
    const result = highs.solve(lp, { output_flag: false });
    if (result.Status === 'Unbounded') return Infinity;
    if (result.Status !== 'Optimal') throw new Error(`LP ${result.Status}:\n${lp}`);
    return result.ObjectiveValue;
  };
  return new Map(hidden.map((i) => [i, [solve('Minimize', i), solve('Maximize', i)]]));
}

/** The published figures that break the rule: hidden yet pinned to a range narrower than k. */
function narrow(highs: Highs, figures: Figure[], relations: Relation[], k: number) {
  return [...intervals(highs, figures, relations)]
    .filter(([, [low, high]]) => high - low < k - 1e-6)
    .map(([i, [low, high]]) => ({ figure: i, count: figures[i].count, low, high }));
}

const asFigure = (count: number, d: Disclosed): Figure => ({ count, hidden: d.suppressed });

/** Counts as reports see them: many small, some large, zeros. */
const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 300 }) },
);
const threshold = fc.constantFrom(5, 11);

function oneWayFigures(counts: number[], k: number) {
  const total = counts.reduce((a, b) => a + b, 0);
  const out = suppressOneWay({ cells: counts.map((c, i) => ({ key: `k${i}`, count: c })), total }, k);
  const figures = [...counts.map((c, i) => asFigure(c, out.cells[i])), asFigure(total, out.total)];
  return { figures, relations: [{ members: counts.map((_, i) => i), sum: counts.length }], out };
}

function twoWayFigures(counts: number[][], k: number) {
  const rows = counts.length;
  const columns = counts[0].length;
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = counts[0].map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const out = suppressTwoWay(
    {
      rowKeys: counts.map((_, i) => `r${i}`),
      columnKeys: counts[0].map((_, j) => `c${j}`),
      counts,
      rowTotals,
      columnTotals,
      total,
    },
    k,
  );
  const cell = (i: number, j: number) => i * columns + j;
  const row = (i: number) => rows * columns + i;
  const column = (j: number) => rows * columns + rows + j;
  const all = rows * columns + rows + columns;
  const figures: Figure[] = [
    ...counts.flatMap((r, i) => r.map((c, j) => asFigure(c, out.cells[i][j]))),
    ...rowTotals.map((c, i) => asFigure(c, out.rowTotals[i])),
    ...columnTotals.map((c, j) => asFigure(c, out.columnTotals[j])),
    asFigure(total, out.total),
  ];
  const relations: Relation[] = [
    ...counts.map((r, i) => ({ members: r.map((_, j) => cell(i, j)), sum: row(i) })),
    ...counts[0].map((_, j) => ({ members: counts.map((_, i) => cell(i, j)), sum: column(j) })),
    { members: counts.map((_, i) => row(i)), sum: all },
    { members: counts[0].map((_, j) => column(j)), sum: all },
  ];
  return { figures, relations };
}

describe('disclosure rule, checked by a linear-programming solver', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('the checker itself catches a hidden cell beside a published total', () => {
    // 266 of 273 with one figure hidden: that figure is 7, for anyone who subtracts.
    const figures: Figure[] = [
      { count: 266, hidden: false },
      { count: 7, hidden: true },
      { count: 273, hidden: false },
    ];
    expect(narrow(highs, figures, [{ members: [0, 1], sum: 2 }], 11)).toEqual([
      { figure: 1, count: 7, low: 7, high: 7 },
    ]);
    // ...and two hidden cells holding 7 together, beside the total: each lies in [0, 7], narrower than 11.
    const two: Figure[] = [
      { count: 266, hidden: false },
      { count: 6, hidden: true },
      { count: 1, hidden: true },
      { count: 273, hidden: false },
    ];
    expect(narrow(highs, two, [{ members: [0, 1, 2], sum: 3 }], 11)).toHaveLength(2);
  });

  it('one-way tables: no primary cell is published, every hidden figure spans at least k', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), threshold, (counts, k) => {
        const { figures, relations, out } = oneWayFigures(counts, k);
        for (const [i, c] of counts.entries()) if (c > 0 && c < k) expect(out.cells[i].suppressed).toBe(true);
        expect(narrow(highs, figures, relations, k)).toEqual([]);
      }),
      { numRuns: 300, seed: 20231119 },
    );
  });

  it('cross-tabulations: cells, margins and total, every hidden figure spans at least k', () => {
    const table = fc
      .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 6 }) })
      .chain(({ rows, columns }) =>
        fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
      );
    fc.assert(
      fc.property(table, threshold, (counts, k) => {
        const { figures, relations } = twoWayFigures(counts, k);
        for (const f of figures) if (f.count > 0 && f.count < k) expect(f.hidden).toBe(true);
        expect(narrow(highs, figures, relations, k)).toEqual([]);
      }),
      { numRuns: 200, seed: 20231119 },
    );
  });
});
