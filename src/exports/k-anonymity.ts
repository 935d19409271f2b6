/**
 * k-anonymity by global recoding, then suppression of what is left (the CTDC's method for its public
 * dataset, k = 11). Pure: groups of identical quasi-identifier tuples in, the same generalised and
 * thinned out. Each quasi-identifier has a ladder of ever coarser values, its last rung `*` (withheld).
 * Following Datafly: while more than a small share of the people sit in groups smaller than k, the
 * quasi-identifier with the most distinct values climbs one rung; then the remaining small groups
 * are dropped and counted.
 */

export interface Ladder<T> {
  name: string;
  /** rung → value at that rung; rung 0 is the value as held. */
  rungs: ((record: T) => string)[];
}

export interface Group<T> {
  record: T;
  count: number;
}

export interface Anonymised {
  /** Column name → generalised value, with how many people share it. */
  groups: { values: string[]; count: number }[];
  dropped: number;
  rungs: Record<string, number>;
}

/** Share of people a release may drop before it is worth generalising further. */
const ACCEPTABLE_DROP = 0.02;

export function anonymise<T>(groups: Group<T>[], ladders: Ladder<T>[], k: number): Anonymised {
  const people = groups.reduce((s, g) => s + g.count, 0);
  const rung = ladders.map(() => 0);
  const recode = () => {
    const merged = new Map<string, { values: string[]; count: number }>();
    for (const g of groups) {
      const values = ladders.map((l, i) => l.rungs[rung[i]](g.record));
      const key = JSON.stringify(values);
      const into = merged.get(key) ?? merged.set(key, { values, count: 0 }).get(key)!;
      into.count += g.count;
    }
    return [...merged.values()];
  };
  for (;;) {
    const recoded = recode();
    const small = recoded.filter((g) => g.count < k).reduce((s, g) => s + g.count, 0);
    const climbable = ladders.map((l, i) => i).filter((i) => rung[i] < ladders[i].rungs.length - 1);
    if (small <= people * ACCEPTABLE_DROP || !climbable.length) {
      return {
        groups: recoded.filter((g) => g.count >= k),
        dropped: small,
        rungs: Object.fromEntries(ladders.map((l, i) => [l.name, rung[i]])),
      };
    }
    // The quasi-identifier with the most distinct values splits people into the most groups.
    const distinct = (i: number) => new Set(recoded.map((g) => g.values[i])).size;
    const next = climbable.reduce((best, i) => (distinct(i) > distinct(best) ? i : best));
    rung[next]++;
  }
}
