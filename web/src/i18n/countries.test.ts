import { describe, expect, it } from 'vitest';
import { countryName } from './countries';

describe('country names from alpha-3 codes', () => {
  it('names a country in the reader language', () => {
    expect(countryName('THA', 'en')).toBe('Thailand');
    expect(countryName('PHL', 'en')).toBe('Philippines');
    expect(countryName('THA', 'th')).toBe('ไทย');
  });
  it('gives nothing for a code no one knows, and for the stateless code (the caller words those)', () => {
    expect(countryName('QQQ', 'en')).toBeUndefined();
    expect(countryName('XXA', 'en')).toBeUndefined();
  });
});
