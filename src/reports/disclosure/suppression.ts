import { type Disclosed, disclose } from './disclosed';

export type { Disclosed } from './disclosed';

/**
 * Small-cell suppression (DESIGN.md §5, API.md "Disclosure rule"). Pure: counts in, what may be
 * published out. A count from 1 to k−1 is never published (primary suppression), and further cells are
 * hidden until no hidden figure can be worked out from what is published (secondary suppression):
 * given the published cells, margins and total, and that counts are non-negative, every hidden
 * figure could lie anywhere in a range at least k wide.
 *
 * This file holds the one-way tables (cells and their total); cross-tabulations, where margins tie
 * rows and columns together, are in two-way.ts. In one dimension the rule is exact and simple: the
 * hidden cells are none, or at least two holding at least k together (one hidden cell beside a
 * published total is the total minus the others; two hidden cells worth 7 tell that 7 people are
 * there). Further cells are hidden smallest first, zeros last (hiding a zero protects nothing unless
 * nothing else is left), ties by key; the total is hidden only when it is itself below k. The
 * property test in suppression.property.spec.ts checks the outcome against a linear-programming solver.
 */

/** One figure of a table: a cell, a margin or the total. */
interface Element {
  id: number;
  /** Sort key for ties: the cell's key, so that the same table always hides the same cells. */
  key: string;
  count: number;
  /** The grand total: never chosen as a partner (a line's sum goes only when its members run out). */
  isTotal: boolean;
}

interface Line {
  members: number[];
  sum: number;
}

/** A count that needs no protection here: zero, or at least k. Exact roles pass k = 0. */
const isSafe = (count: number, k: number) => count === 0 || count >= k;

/** The ids of the elements to hide so that every line obeys the rules above. */
function solve(elements: Element[], lines: Line[], k: number): Set<number> {
  const hidden = new Set<number>();
  if (k <= 1) return hidden;
  for (const e of elements) if (!isSafe(e.count, k)) hidden.add(e.id);

  // Hide the most useful published member of a line: the smallest non-zero, else a zero.
  const hideOneOf = (line: Line): boolean => {
    const candidates = line.members
      .map((id) => elements[id])
      .filter((e) => !hidden.has(e.id) && !e.isTotal)
      .sort(
        (a, b) =>
          Number(a.count === 0) - Number(b.count === 0) || a.count - b.count || a.key.localeCompare(b.key),
      );
    if (!candidates.length) return false;
    hidden.add(candidates[0].id);
    return true;
  };

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const hiddenMembers = line.members.filter((id) => hidden.has(id));
      if (!hidden.has(line.sum)) {
        if (!hiddenMembers.length) continue;
        const mass = hiddenMembers.reduce((sum, id) => sum + elements[id].count, 0);
        if (hiddenMembers.length >= 2 && mass >= k) continue;
        // Nothing left to hide among the members: the sum itself must go.
        if (!hideOneOf(line)) hidden.add(line.sum);
        changed = true;
      } else if (!hiddenMembers.length && hideOneOf(line)) {
        changed = true;
      }
    }
  }
  return hidden;
}

export interface OneWayTable {
  cells: { key: string; count: number }[];
  /** People counted once each (a dual national is in two cells, once here). */
  total: number;
}

export interface OneWayDisclosure {
  cells: Disclosed[];
  total: Disclosed;
}

/** A one-dimensional table and its total, at threshold k (0 for exact figures). */
export function suppressOneWay(table: OneWayTable, k: number): OneWayDisclosure {
  const elements: Element[] = table.cells.map((c, id) => ({
    id,
    key: c.key,
    count: c.count,
    isTotal: false,
  }));
  const totalId = elements.length;
  elements.push({ id: totalId, key: '', count: table.total, isTotal: true });
  const hidden = solve(elements, [{ members: table.cells.map((_, i) => i), sum: totalId }], k);
  return {
    cells: table.cells.map((c, i) => disclose(c.count, hidden.has(i))),
    total: disclose(table.total, hidden.has(totalId)),
  };
}
