import { describe, expect, it } from 'vitest';
import type { Compound } from '../useReferenceData';
import {
  draftFieldOf,
  draftOf,
  EMPTY_COMPOUND,
  parseCoordinate,
  rebaseDraft,
  toChanges,
  toCreateBody,
  validateCompound,
} from './compoundForm';

const STORED: Compound = {
  id: 'c1',
  name: 'KK Park',
  aliases: ['KKPark'],
  countryCode: 'MMR',
  region: 'Kayin State',
  town: 'Myawaddy',
  latitude: 16.68,
  longitude: 98.51,
  controlledBy: null,
  status: 'active',
  notes: null,
  firstReportedOn: null,
  lastReportedOn: null,
  version: 4,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

const filled = { ...EMPTY_COMPOUND, name: 'Shwe Kokko', countryCode: 'MMR', status: 'active' as const };

describe('the compound form', () => {
  it('asks for a name, a country and a status before anything is sent', () => {
    expect(validateCompound(EMPTY_COMPOUND)).toEqual({
      name: 'nameRequired',
      countryCode: 'countryRequired',
      status: 'statusRequired',
    });
    expect(validateCompound({ ...filled, name: '   ' })).toEqual({ name: 'nameRequired' });
    expect(validateCompound(filled)).toEqual({});
  });

  it('holds to the API limits, counting characters as the API does', () => {
    expect(validateCompound({ ...filled, name: 'ก'.repeat(200) })).toEqual({});
    expect(validateCompound({ ...filled, name: 'x'.repeat(201) })).toEqual({ name: 'tooLong' });
    expect(validateCompound({ ...filled, town: 'x'.repeat(201) })).toEqual({ town: 'tooLong' });
    expect(validateCompound({ ...filled, notes: 'x'.repeat(2001) })).toEqual({ notes: 'notesTooLong' });
    const many = Array.from({ length: 21 }, (_, i) => `Alias ${i}`);
    expect(validateCompound({ ...filled, aliases: many })).toEqual({ aliases: 'tooManyAliases' });
    expect(validateCompound({ ...filled, aliases: ['y'.repeat(201)] })).toEqual({ aliases: 'aliasTooLong' });
  });

  it('checks coordinates: numbers in range, a decimal comma accepted, both or neither', () => {
    expect(parseCoordinate(' 16,68 ')).toBe(16.68);
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate('16.6.8')).toBe('invalid');
    expect(parseCoordinate('north')).toBe('invalid');
    expect(validateCompound({ ...filled, latitude: '90.5', longitude: '98' })).toEqual({
      latitude: 'latitudeRange',
    });
    expect(validateCompound({ ...filled, latitude: '-90', longitude: '-181' })).toEqual({
      longitude: 'longitudeRange',
    });
    expect(validateCompound({ ...filled, latitude: 'abc', longitude: '98' })).toEqual({
      latitude: 'coordinateInvalid',
    });
    expect(validateCompound({ ...filled, latitude: '16.7' })).toEqual({ longitude: 'positionPair' });
    expect(validateCompound({ ...filled, longitude: '98.5' })).toEqual({ latitude: 'positionPair' });
    expect(validateCompound({ ...filled, latitude: '-90', longitude: '180' })).toEqual({});
  });

  it('sends only the fields given, trimmed, coordinates as numbers', () => {
    expect(toCreateBody(filled)).toEqual({ name: 'Shwe Kokko', countryCode: 'MMR', status: 'active' });
    expect(
      toCreateBody({
        ...filled,
        name: ' Shwe Kokko ',
        aliases: [' Yatai ', ''],
        town: ' Myawaddy ',
        notes: '  ',
        latitude: '16,6',
        longitude: '98.5',
      }),
    ).toEqual({
      name: 'Shwe Kokko',
      aliases: ['Yatai'],
      countryCode: 'MMR',
      status: 'active',
      town: 'Myawaddy',
      latitude: 16.6,
      longitude: 98.5,
    });
  });

  it('an edit sends only what changed, and a field emptied as null', () => {
    const draft = draftOf(STORED);
    expect(toChanges(STORED, draft)).toEqual({});
    expect(toChanges(STORED, { ...draft, status: 'raided', town: '', aliases: ['KKPark', 'KK'] })).toEqual({
      status: 'raided',
      town: null,
      aliases: ['KKPark', 'KK'],
    });
    expect(toChanges(STORED, { ...draft, latitude: '16,68' })).toEqual({});
    expect(toChanges(STORED, { ...draft, latitude: '', longitude: '' })).toEqual({
      latitude: null,
      longitude: null,
    });
  });

  it("after someone else's save, keeps their version and this form's changes on top", () => {
    const theirs: Compound = { ...STORED, town: 'Shwe Kokko', notes: 'Raided in March', version: 5 };
    const mine = { ...draftOf(STORED), status: 'raided' as const };
    const rebased = rebaseDraft(STORED, theirs, mine);
    expect(rebased).toEqual({ ...draftOf(theirs), status: 'raided' });
    expect(toChanges(theirs, rebased)).toEqual({ status: 'raided' });
  });

  it("puts the API's refusal of one alias under the aliases", () => {
    expect(draftFieldOf('aliases[1]')).toBe('aliases');
    expect(draftFieldOf('aliases.0')).toBe('aliases');
    expect(draftFieldOf('countryCode')).toBe('countryCode');
    expect(draftFieldOf('firstReportedOn')).toBeUndefined();
  });
});
