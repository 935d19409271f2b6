import { describe, expect, it } from 'vitest';
import { toTravelDocument, todayUtc, validateTravelDocument } from './travelDocument';

const TODAY = '2026-03-10';
const valid = { type: 'passport' as const, number: ' P1234567 ', expiresAt: '2027-01-31' };

describe('the travel document form rules', () => {
  it('accepts a type, a number and an expiry from today on, and trims the number', () => {
    expect(validateTravelDocument(valid, TODAY)).toEqual({});
    expect(validateTravelDocument({ ...valid, expiresAt: TODAY }, TODAY)).toEqual({});
    expect(toTravelDocument(valid)).toEqual({
      type: 'passport',
      number: 'P1234567',
      expiresAt: '2027-01-31',
    });
  });

  it('asks for every field', () => {
    expect(validateTravelDocument({ type: '', number: '  ', expiresAt: '' }, TODAY)).toEqual({
      type: 'typeRequired',
      number: 'numberRequired',
      expiresAt: 'expiresRequired',
    });
  });

  it('refuses an expiry already past, a date that is no date, and a number over 50 characters', () => {
    expect(validateTravelDocument({ ...valid, expiresAt: '2026-03-09' }, TODAY).expiresAt).toBe(
      'expiresPast',
    );
    expect(validateTravelDocument({ ...valid, expiresAt: '31/01/2027' }, TODAY).expiresAt).toBe(
      'expiresInvalid',
    );
    expect(validateTravelDocument({ ...valid, number: 'X'.repeat(51) }, TODAY).number).toBe('numberTooLong');
    expect(validateTravelDocument({ ...valid, number: 'X'.repeat(50) }, TODAY).number).toBeUndefined();
  });

  it('counts today in UTC, as the API does', () => {
    expect(todayUtc(new Date('2026-03-10T23:30:00-05:00'))).toBe('2026-03-11');
  });
});
