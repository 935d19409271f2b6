import { suppressOneWay } from './suppression';
import { suppressTwoWay } from './two-way';

const laukkaing = {
  cells: [
    { key: 'PHL', count: 6 },
    { key: 'SGP', count: 1 },
    { key: 'THA', count: 266 },
  ],
  total: 273,
};
const shown = (d: { count: number | null }[]) => d.map((c) => c.count);

describe('suppressOneWay', () => {
  it('exact roles (k = 0) see every figure', () => {
    const out = suppressOneWay(laukkaing, 0);
    expect(shown(out.cells)).toEqual([6, 1, 266]);
    expect(out.total).toEqual({ count: 273, suppressed: false });
  });

  it('k = 5: SGP 1 is hidden, PHL 6 hides with it (together 7 ≥ 5), THA and the total stay', () => {
    const out = suppressOneWay(laukkaing, 5);
    expect(shown(out.cells)).toEqual([null, null, 266]);
    expect(out.cells.map((c) => c.suppressed)).toEqual([true, true, false]);
    expect(out.total.count).toBe(273);
  });

  it('k = 11: "266 of 273" would tell that the others hold 7, so every nationality is hidden', () => {
    const out = suppressOneWay(laukkaing, 11);
    expect(shown(out.cells)).toEqual([null, null, null]);
    expect(out.total.count).toBe(273);
  });

  it('zero is published; a total below k is hidden with everything in it', () => {
    expect(
      shown(
        suppressOneWay(
          {
            cells: [
              { key: 'a', count: 0 },
              { key: 'b', count: 20 },
            ],
            total: 20,
          },
          11,
        ).cells,
      ),
    ).toEqual([0, 20]);
    const small = suppressOneWay(
      {
        cells: [
          { key: 'a', count: 3 },
          { key: 'b', count: 4 },
        ],
        total: 7,
      },
      11,
    );
    expect(small.total.suppressed).toBe(true);
    expect(shown(small.cells)).toEqual([null, null]);
  });

  it('hides the smallest published cell first, ties by key', () => {
    const out = suppressOneWay(
      {
        cells: [
          { key: 'c', count: 40 },
          { key: 'b', count: 30 },
          { key: 'a', count: 30 },
          { key: 'd', count: 2 },
        ],
        total: 102,
      },
      11,
    );
    expect(shown(out.cells)).toEqual([40, 30, null, null]);
  });
});

describe('suppressTwoWay', () => {
  it('a small cell gets a hidden partner in its row and in its column', () => {
    const out = suppressTwoWay(
      {
        rowKeys: ['PHL', 'THA'],
        columnKeys: ['2023-10', '2023-11'],
        counts: [
          [20, 3],
          [30, 40],
        ],
        rowTotals: [23, 70],
        columnTotals: [50, 43],
        total: 93,
      },
      11,
    );
    expect(out.cells.map(shown)).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(shown(out.rowTotals)).toEqual([23, 70]);
    expect(out.total.count).toBe(93);
  });
});
