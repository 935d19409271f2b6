import { ageAt, ageBandAt, bandOf } from './age-band';

describe('age bands', () => {
  it('puts each age in the report bands', () => {
    expect([0, 17, 18, 24, 25, 34, 35, 44, 45, 59, 60, 99].map(bandOf)).toEqual([
      '0-17',
      '0-17',
      '18-24',
      '18-24',
      '25-34',
      '25-34',
      '35-44',
      '35-44',
      '45-59',
      '45-59',
      '60+',
      '60+',
    ]);
    expect(bandOf(null)).toBe('unknown');
  });

  it('counts whole years, birthday included', () => {
    expect(ageAt('2000-06-15', new Date('2018-06-14T23:59:59Z'))).toBe(17);
    expect(ageAt('2000-06-15', new Date('2018-06-15T00:00:00Z'))).toBe(18);
  });

  it('ages an estimate from the day it was made', () => {
    const estimatedOn = new Date('2020-01-01T00:00:00Z');
    expect(ageBandAt({ dateOfBirth: null, estimatedAge: 16, estimatedOn }, new Date('2022-06-01Z'))).toBe(
      '18-24',
    );
    expect(ageBandAt({ dateOfBirth: null, estimatedAge: null, estimatedOn }, new Date())).toBe('unknown');
  });
});
