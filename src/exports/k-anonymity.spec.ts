import fc from 'fast-check';
import { anonymise, type Ladder } from './k-anonymity';

interface Rec {
  country: string;
  age: number;
}
const ladders: Ladder<Rec>[] = [
  {
    name: 'country',
    rungs: [(r) => r.country, (r) => (['TH', 'LA', 'MM'].includes(r.country) ? 'SEA' : 'other'), () => '*'],
  },
  { name: 'age', rungs: [(r) => String(r.age), (r) => (r.age < 18 ? 'minor' : 'adult'), () => '*'] },
];

describe('anonymise', () => {
  it('every released combination holds at least k people, and nobody is lost unaccounted', () => {
    const record = fc.record({
      country: fc.constantFrom('TH', 'LA', 'MM', 'KE', 'LK'),
      age: fc.integer({ min: 10, max: 60 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ record, count: fc.integer({ min: 1, max: 30 }) }), { maxLength: 40 }),
        fc.constantFrom(5, 11),
        (groups, k) => {
          const out = anonymise(groups, ladders, k);
          expect(out.groups.every((g) => g.count >= k)).toBe(true);
          const released = out.groups.reduce((s, g) => s + g.count, 0);
          expect(released + out.dropped).toBe(groups.reduce((s, g) => s + g.count, 0));
          expect(new Set(out.groups.map((g) => JSON.stringify(g.values))).size).toBe(out.groups.length);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it('generalises before dropping: a country of 3 joins its region rather than vanish', () => {
    const out = anonymise(
      [
        { record: { country: 'TH', age: 30 }, count: 40 },
        { record: { country: 'LA', age: 30 }, count: 3 },
        { record: { country: 'KE', age: 30 }, count: 20 },
      ],
      ladders,
      11,
    );
    expect(out.dropped).toBe(0);
    expect(out.rungs.country).toBe(1);
    expect(out.groups).toEqual(
      expect.arrayContaining([
        { values: ['SEA', '30'], count: 43 },
        { values: ['other', '30'], count: 20 },
      ]),
    );
  });
});
