import { describe, expect, it } from 'vitest';
import { rebaseEdits, toPatchBody, valuesFromPerson } from './editDetails';
import { personView } from './testing';

const unassigned = { before: null, after: null };

describe('the edit form of a case', () => {
  it('fills the intake values from the record, the estimated age when no date of birth is known', () => {
    const values = valuesFromPerson(
      personView({ estimatedAge: 30, dateOfBirth: null, aliases: ['Chai'], traffickedAt: null }),
    );
    expect(values).toMatchObject({
      givenName: 'Somchai',
      nameNative: 'สมชาย ใจดี',
      aliases: ['Chai'],
      ageBy: 'estimatedAge',
      estimatedAge: 30,
      dateOfBirth: '',
      nationalities: ['THA'],
      traffickedOn: '',
    });
  });

  it('sends nothing when nothing changed, whatever the conversions', () => {
    const person = personView({ traffickedAt: '2023-06-01T10:00:00.000Z', rescuePlace: 'Laukkaing' });
    const values = valuesFromPerson(person);
    expect(toPatchBody(person, values, { ...values }, unassigned)).toBeUndefined();
  });

  it('sends only the fields changed, an emptied one as null and an emptied list as []', () => {
    const person = personView({ rescuePlace: 'Laukkaing', aliases: ['Chai'] });
    const before = valuesFromPerson(person);
    const after = { ...before, givenName: ' Somchay ', rescuePlace: '', aliases: [] };
    expect(toPatchBody(person, before, after, unassigned)).toEqual({
      givenName: 'Somchay',
      rescuePlace: null,
      aliases: [],
    });
  });

  it('a switch from estimated age to date of birth sends both, the estimate cleared', () => {
    const person = personView({ estimatedAge: 30, dateOfBirth: null });
    const before = valuesFromPerson(person);
    const after = { ...before, ageBy: 'dateOfBirth' as const, dateOfBirth: '1994-02-03' };
    expect(toPatchBody(person, before, after, unassigned)).toEqual({
      dateOfBirth: '1994-02-03',
      estimatedAge: null,
    });
  });

  it('keeps the embassy verification of a nationality kept, and the assignment when it changes', () => {
    const person = personView({ nationalities: [{ code: 'THA', verified: true }] });
    const before = valuesFromPerson(person);
    const after = { ...before, nationalities: ['THA', 'MMR'] };
    expect(toPatchBody(person, before, after, { before: null, after: 'u7' })).toEqual({
      nationalities: [{ code: 'THA', verified: true }, { code: 'MMR' }],
      assignedCaseworkerId: 'u7',
    });
  });

  it('after someone else saved: their values where this form changed nothing, this form’s where it did', () => {
    const before = valuesFromPerson(personView());
    const edited = { ...before, givenName: 'Somchay' };
    const now = { ...before, rescuePlace: 'Mae Sot', familyName: 'Jaide' };
    expect(rebaseEdits(before, edited, now)).toEqual({
      ...before,
      givenName: 'Somchay',
      rescuePlace: 'Mae Sot',
      familyName: 'Jaide',
    });
  });
});
