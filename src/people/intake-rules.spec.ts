import { minorContradiction, nationalityContradiction, yearsBetween } from './intake-rules';

describe('contradictions at intake', () => {
  it('refuses XXX beside a known nationality or beside XXA, naming the XXX entry', () => {
    expect(nationalityContradiction(['THA', 'XXX'])).toEqual(
      expect.objectContaining({
        field: 'nationalities[1].code',
        code: 'conflict',
        params: { with: ['THA'] },
      }),
    );
    expect(nationalityContradiction(['XXX', 'XXA'])).toEqual(expect.objectContaining({ code: 'conflict' }));
    expect(nationalityContradiction(['XXX'])).toBeUndefined();
    expect(nationalityContradiction(['THA', 'MMR'])).toBeUndefined();
  });

  it('counts whole years as a birthday does', () => {
    expect(yearsBetween('2005-11-20', new Date('2023-11-19T23:59:59Z'))).toBe(17);
    expect(yearsBetween('2005-11-19', new Date('2023-11-19T00:00:00Z'))).toBe(18);
    expect(yearsBetween('2004-02-29', new Date('2023-02-28T12:00:00Z'))).toBe(18);
  });

  it('refuses minor with an age of 18 or more, from the estimate or from the date of birth at rescue', () => {
    expect(minorContradiction({ vulnerabilities: ['minor'], estimatedAge: 30 })).toEqual(
      expect.objectContaining({
        field: 'vulnerabilities',
        code: 'conflict',
        params: { with: 'estimatedAge', age: 30, max: 17 },
      }),
    );
    expect(minorContradiction({ vulnerabilities: ['minor'], estimatedAge: 18 })?.code).toBe('conflict');
    expect(
      minorContradiction({
        vulnerabilities: ['minor'],
        dateOfBirth: '2000-01-01',
        rescuedAt: '2023-11-01T00:00:00Z',
      }),
    ).toEqual(expect.objectContaining({ params: { with: 'dateOfBirth', age: 23, max: 17 } }));
  });

  it('lets a minor under 18 through, and an adult without the flag, and a minor of unknown age', () => {
    expect(minorContradiction({ vulnerabilities: ['minor'], estimatedAge: 17 })).toBeUndefined();
    expect(
      minorContradiction({
        vulnerabilities: ['minor'],
        dateOfBirth: '2006-01-01',
        rescuedAt: '2023-11-01T00:00:00Z',
      }),
    ).toBeUndefined();
    expect(minorContradiction({ vulnerabilities: ['medical'], estimatedAge: 30 })).toBeUndefined();
    expect(minorContradiction({ vulnerabilities: ['minor'] })).toBeUndefined();
    expect(minorContradiction({ vulnerabilities: null, estimatedAge: 30 })).toBeUndefined();
  });
});
