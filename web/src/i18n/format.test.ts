import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format';

describe('dates and numbers in the reader’s locale', () => {
  it('formats a calendar date without shifting its day, Thai in the Buddhist era', () => {
    expect(formatDate('2023-11-19', 'en')).toBe('19 Nov 2023');
    expect(formatDate('2023-11-19', 'th')).toContain('2566');
    expect(formatDate('2023-11-19', 'vi')).toContain('2023');
    expect(formatDate(null, 'en')).toBeUndefined();
    expect(formatDate('not a date', 'en')).toBeUndefined();
  });

  it('formats numbers and timestamps by locale', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'id')).toBe('1.234.567');
    expect(formatNumber(undefined, 'en')).toBeUndefined();
    expect(formatDateTime('2023-11-19T03:30:00.000Z', 'en')).toMatch(/2023/);
  });
});
