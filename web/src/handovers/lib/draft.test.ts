import { describe, expect, it } from 'vitest';
import { buildBody, canRecord, type CheckedDraft, fingerprint } from './draft';
import { EMPTY_DETAILS, type EventDetails } from './types';

const details: EventDetails = {
  ...EMPTY_DETAILS,
  type: 'repatriation_departure',
  occurredAt: '2023-11-19T10:30',
  place: ' Lashio airport ',
  countryCode: 'MMR',
  fromParty: 'Myanmar authorities',
  toParty: 'Royal Thai Government',
};

describe('the body of an event and when it may be recorded', () => {
  it('sends the time in UTC, trims text and leaves out empty optional fields', () => {
    const body = buildBody(details, ['p1', 'p2']);
    expect(body.occurredAt).toBe(new Date('2023-11-19T10:30').toISOString());
    expect(body.place).toBe('Lashio airport');
    expect(body.people).toEqual([{ personId: 'p1' }, { personId: 'p2' }]);
    expect(body).not.toHaveProperty('notes');
    expect(body).not.toHaveProperty('consularContactId');
  });

  const checked = (valid: boolean, people: string[]): CheckedDraft => ({
    fingerprint: fingerprint(buildBody(details, people)),
    valid,
    offenders: valid ? [] : [{ personId: 'p2', reason: 'not_eligible' }],
  });

  it('may not be recorded before any check', () => {
    expect(canRecord(undefined, fingerprint(buildBody(details, ['p1'])))).toBe(false);
  });

  it('may not be recorded after a check that found someone ineligible', () => {
    const now = fingerprint(buildBody(details, ['p1', 'p2']));
    expect(canRecord(checked(false, ['p1', 'p2']), now)).toBe(false);
  });

  it('may be recorded after a clean check of exactly what is on screen', () => {
    expect(canRecord(checked(true, ['p1']), fingerprint(buildBody(details, ['p1'])))).toBe(true);
  });

  it('may not be recorded once anything changed after the clean check', () => {
    const clean = checked(true, ['p1']);
    expect(canRecord(clean, fingerprint(buildBody(details, ['p1', 'p3'])))).toBe(false);
    expect(canRecord(clean, fingerprint(buildBody({ ...details, place: 'Muse' }, ['p1'])))).toBe(false);
    expect(canRecord(clean, undefined)).toBe(false);
  });
});
