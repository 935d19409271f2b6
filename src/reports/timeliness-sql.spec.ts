import { splitRange } from './timeliness-sql';

describe('splitRange: whole months from the ledger, the days around them one by one', () => {
  it('a calendar year is twelve whole months and no edge day', () => {
    expect(splitRange({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      months: { from: '2025-01-01', toExclusive: '2026-01-01' },
      edges: [],
    });
  });

  it('a range starting and ending inside months reads those days from the cases', () => {
    expect(splitRange({ from: '2024-01-15', to: '2024-03-10' })).toEqual({
      months: { from: '2024-02-01', toExclusive: '2024-03-01' },
      edges: [
        { from: '2024-01-15', toExclusive: '2024-02-01' },
        { from: '2024-03-01', toExclusive: '2024-03-11' },
      ],
    });
  });

  it('the last day of February, leap year or not, closes its month', () => {
    expect(splitRange({ from: '2024-02-01', to: '2024-02-29' }).edges).toEqual([]);
    expect(splitRange({ from: '2023-02-01', to: '2023-02-28' }).edges).toEqual([]);
    expect(splitRange({ from: '2023-12-01', to: '2023-12-31' }).months).toEqual({
      from: '2023-12-01',
      toExclusive: '2024-01-01',
    });
  });

  it('a range inside one month, or across the border of two, holds no whole month', () => {
    expect(splitRange({ from: '2024-05-03', to: '2024-05-20' })).toEqual({
      months: null,
      edges: [{ from: '2024-05-03', toExclusive: '2024-05-21' }],
    });
    expect(splitRange({ from: '2024-05-03', to: '2024-06-20' })).toEqual({
      months: null,
      edges: [{ from: '2024-05-03', toExclusive: '2024-06-21' }],
    });
  });

  it('an open end is unbounded on that side', () => {
    expect(splitRange({})).toEqual({ months: { from: undefined, toExclusive: undefined }, edges: [] });
    expect(splitRange({ from: '2024-05-03' })).toEqual({
      months: { from: '2024-06-01', toExclusive: undefined },
      edges: [{ from: '2024-05-03', toExclusive: '2024-06-01' }],
    });
    expect(splitRange({ to: '2024-05-20' })).toEqual({
      months: { from: undefined, toExclusive: '2024-05-01' },
      edges: [{ from: '2024-05-01', toExclusive: '2024-05-21' }],
    });
  });
});
