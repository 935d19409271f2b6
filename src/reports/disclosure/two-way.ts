import { type Disclosed, disclose } from './disclosed';

export interface TwoWayTable {
  rowKeys: string[];
  columnKeys: string[];
  /** counts[r][c] */
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

export interface TwoWayDisclosure {
  cells: Disclosed[][];
  rowTotals: Disclosed[];
  columnTotals: Disclosed[];
  total: Disclosed;
}

/**
 * A cross-tabulation with its margins is a flow network, which is what makes its suppression exact.
 * Nodes: one per row, one per column, plus a "column totals" row node and a "row totals" column node.
 * Each figure is an edge: a cell from its row to its column, a column total from that column to the
 * column-totals node, the total from there to the row-totals node, a row total from there back to its
 * row. Every row and column relation ("these add up to that") is then flow conservation at a node.
 * Published figures are fixed; what a reader can infer about a hidden figure is how far its flow can
 * move while every other hidden figure stays non-negative: up by the most that can return around a
 * cycle, down by the most that can be pushed the other way, each a maximum flow in the residual
 * network (the same bounds a linear-programming solver finds: the constraint matrix is a network
 * matrix). The property test checks this against HiGHS.
 */
interface Edge {
  from: number;
  to: number;
  count: number;
  key: string;
  /** A count from 1 to k−1: hidden whatever happens. */
  primary: boolean;
  /** A row or column total: hidden as a partner only after the cells (readers want margins most). */
  margin: boolean;
}

/** The hidden figures, and for each node the hidden figures that touch it (kept in step). */
class HiddenSet {
  readonly ids = new Set<number>();
  private readonly touching: Set<number>[];

  constructor(
    private readonly edges: Edge[],
    nodes: number,
  ) {
    this.touching = Array.from({ length: nodes }, () => new Set<number>());
  }

  has(i: number): boolean {
    return this.ids.has(i);
  }

  add(i: number): void {
    this.ids.add(i);
    this.touching[this.edges[i].from].add(i);
    this.touching[this.edges[i].to].add(i);
  }

  delete(i: number): void {
    this.ids.delete(i);
    this.touching[this.edges[i].from].delete(i);
    this.touching[this.edges[i].to].delete(i);
  }

  at(node: number): Set<number> {
    return this.touching[node];
  }
}

/** The largest flow from `source` to `sink` through hidden edges other than `skip`, stopping at `cap`. */
function maxFlow(edges: Edge[], hidden: HiddenSet, skip: number, source: number, sink: number, cap: number) {
  // Residual capacity along an edge: unbounded with its direction (raise it), its count against it (lower it).
  const flow = new Map<number, number>();
  let total = 0;
  while (total < cap) {
    const previous = new Map<number, { edge: number; forward: boolean }>([
      [source, { edge: -1, forward: true }],
    ]);
    const queue = [source];
    for (let head = 0; head < queue.length && !previous.has(sink); head++) {
      const node = queue[head];
      for (const i of hidden.at(node)) {
        if (i === skip) continue;
        const e = edges[i];
        if (e.from === node && !previous.has(e.to)) {
          previous.set(e.to, { edge: i, forward: true });
          queue.push(e.to);
        } else if (e.to === node && !previous.has(e.from) && e.count + (flow.get(i) ?? 0) > 0) {
          previous.set(e.from, { edge: i, forward: false });
          queue.push(e.from);
        }
      }
    }
    if (!previous.has(sink)) break;
    let push = cap - total;
    for (let node = sink; node !== source;) {
      const step = previous.get(node)!;
      const e = edges[step.edge];
      if (!step.forward) push = Math.min(push, e.count + (flow.get(step.edge) ?? 0));
      node = step.forward ? e.from : e.to;
    }
    for (let node = sink; node !== source;) {
      const step = previous.get(node)!;
      const e = edges[step.edge];
      flow.set(step.edge, (flow.get(step.edge) ?? 0) + (step.forward ? push : -push));
      node = step.forward ? e.from : e.to;
    }
    total += push;
  }
  return total;
}

/** How far hidden figure `i` can move, capped at k (all that matters is whether it reaches k). */
function spread(edges: Edge[], hidden: HiddenSet, i: number, k: number): number {
  const { from, to, count } = edges[i];
  const up = maxFlow(edges, hidden, i, to, from, k);
  // It cannot go below zero itself, however much the others could take.
  return up >= k ? up : up + maxFlow(edges, hidden, i, from, to, Math.min(k - up, count));
}

/** A cross-tabulation with both margins and the total, at threshold k (0 for exact figures). */
export function suppressTwoWay(table: TwoWayTable, k: number): TwoWayDisclosure {
  const m = table.rowKeys.length;
  const n = table.columnKeys.length;
  const rowNode = (r: number) => r;
  const columnNode = (c: number) => m + c;
  const columnTotalsNode = m + n;
  const rowTotalsNode = m + n + 1;
  const edges: Edge[] = [];
  const add = (from: number, to: number, count: number, key: string, margin = true) =>
    edges.push({ from, to, count, key, primary: count > 0 && count < k, margin }) - 1;
  const cellIds = table.counts.map((row, r) =>
    row.map((count, c) =>
      add(rowNode(r), columnNode(c), count, `${table.rowKeys[r]}|${table.columnKeys[c]}`, false),
    ),
  );
  const columnIds = table.columnTotals.map((count, c) =>
    add(columnNode(c), columnTotalsNode, count, `|${table.columnKeys[c]}`),
  );
  const totalId = add(columnTotalsNode, rowTotalsNode, table.total, '|');
  const rowIds = table.rowTotals.map((count, r) =>
    add(rowTotalsNode, rowNode(r), count, `${table.rowKeys[r]}|`),
  );

  const hidden = new HiddenSet(edges, m + n + 2);
  if (k > 1) protect(edges, hidden, totalId, k);
  const shown = (i: number) => disclose(edges[i].count, hidden.has(i));
  return {
    cells: cellIds.map((row) => row.map(shown)),
    rowTotals: rowIds.map(shown),
    columnTotals: columnIds.map(shown),
    total: shown(totalId),
  };
}

/**
 * Hides the primary figures, then, for each hidden figure still pinned to less than k, one more
 * published figure: one closing a cycle through it if there is one, else one touching it, else any;
 * among those cells before margins, zeros last, the smallest first, ties by key. Hiding only ever widens every hidden figure's
 * range, so a figure once protected stays protected. The total is hidden only when it is below k. A
 * figure of k or more that cannot be protected (a margin equal to the total, say) is published
 * instead: it tells nothing the total does not.
 */
function protect(edges: Edge[], hidden: HiddenSet, totalId: number, k: number): void {
  edges.forEach((e, i) => e.primary && hidden.add(i));
  const fixed = new Set<number>(hidden.has(totalId) ? [] : [totalId]);
  const order = (a: number, b: number) =>
    Number(edges[a].count === 0) - Number(edges[b].count === 0) ||
    Number(edges[a].margin) - Number(edges[b].margin) ||
    edges[a].count - edges[b].count ||
    edges[a].key.localeCompare(edges[b].key);
  // Figures joining nodes the hidden figure is already linked to (through other hidden figures) close
  // a cycle around it, which is what gives it room; then anything touching those nodes; then any.
  const candidates = (i: number): number | undefined => {
    const linked = new Set([edges[i].from, edges[i].to]);
    const queue = [...linked];
    for (let head = 0; head < queue.length; head++) {
      for (const j of hidden.at(queue[head])) {
        for (const node of [edges[j].from, edges[j].to]) {
          if (!linked.has(node)) {
            linked.add(node);
            queue.push(node);
          }
        }
      }
    }
    const ends = (j: number) => Number(linked.has(edges[j].from)) + Number(linked.has(edges[j].to));
    let best: number | undefined;
    edges.forEach((_, j) => {
      if (hidden.has(j) || fixed.has(j)) return;
      if (best === undefined || ends(j) - ends(best) > 0 || (ends(j) === ends(best) && order(j, best) < 0))
        best = j;
    });
    return best;
  };
  // Hiding only widens ranges: a figure once protected stays so, until a figure is published.
  const safe = new Set<number>();
  for (let settled = false; !settled;) {
    settled = true;
    for (const i of [...hidden.ids].filter((j) => !safe.has(j)).sort(order)) {
      while (hidden.has(i) && spread(edges, hidden, i, k) < k) {
        const next = candidates(i);
        if (next !== undefined) {
          hidden.add(next);
          settled = false; // the newly hidden figure needs checking too
        } else if (!edges[i].primary) {
          hidden.delete(i);
          fixed.add(i);
          safe.clear();
          settled = false; // publishing narrows the others: check them all again
        } else throw new Error('a small count could not be protected: the total should have been hidden');
      }
      if (hidden.has(i)) safe.add(i);
    }
  }
}
