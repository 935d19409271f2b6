import { describe, expect, it } from 'vitest';
import { duplicateCriteria, reasonKeys } from './duplicateCriteria';
import { emptyIntake, toCreateBody } from './intakeValues';

const person = (givenName: string, familyName: string) => ({
  id: 'p1',
  caseNumber: '2023-000001',
  givenName,
  familyName,
  nameNative: null,
  dateOfBirth: null,
  nationalities: [],
});

describe('the words of a duplicate candidate', () => {
  const criteria = { givenName: 'Analin', familyName: 'Reyes' };
  const words = (given: string, family: string, reasons: string[]) =>
    reasonKeys({ person: person(given, family), score: 0.9, reasons }, criteria);

  it('tells a spelling variant, the very same name and a shared family name apart', () => {
    expect(words('Analyn', 'Reyes', ['name', 'nationality'])).toEqual(['nameVariant', 'nationality']);
    expect(words('ANALIN', 'Réyes', ['name'])).toEqual(['nameSame']);
    expect(words('Rowena', 'Reyes', ['name'])).toEqual(['familyNameOnly']);
    expect(words('Analin', 'Santos', ['name'])).toEqual(['givenNameOnly']);
  });

  it('names every reason of the contract, and an unknown one in general words', () => {
    expect(
      words('Reyes', 'Analin', ['document_number', 'name_swapped', 'alias', 'date_of_birth', 'x']),
    ).toEqual(['documentNumber', 'nameSwapped', 'alias', 'dateOfBirth', 'other']);
  });
});

describe('what the intake asks and sends', () => {
  it('asks for duplicates only with a name or a document number, with the date of birth and nationality', () => {
    const values = { ...emptyIntake(), dateOfBirth: '1990-04-03', nationalities: ['XXX', 'PHL'] };
    expect(duplicateCriteria(values)).toBeUndefined();
    expect(duplicateCriteria({ ...values, familyName: ' Reyes ' })).toEqual({
      familyName: 'Reyes',
      dateOfBirth: '1990-04-03',
      nationality: 'PHL',
    });
  });

  it('asks about a long name by its first 70 characters, which is all the API searches', () => {
    const long = `${'Maria '.repeat(20)}Reyes`; // 125 characters
    const native = '𠜎'.repeat(80); // 80 characters, 160 UTF-16 units
    const asked = duplicateCriteria({ ...emptyIntake(), givenName: long, nameNative: native })!;
    expect(asked.givenName).toBe(`${'Maria '.repeat(11)}Mari`);
    expect([...asked.nameNative!]).toHaveLength(70);
  });

  it('sends a date of birth or an estimated age, never both, and only the fields filled in', () => {
    const values = {
      ...emptyIntake(new Date('2024-05-01T10:30:00')),
      givenName: 'Joy',
      sex: 'female' as const,
      nationalities: ['PHL'],
      dateOfBirth: '2015-01-01',
      ageBy: 'estimatedAge' as const,
      estimatedAge: 9,
    };
    const body = toCreateBody(values);
    expect(body).toEqual({
      givenName: 'Joy',
      sex: 'female',
      nationalities: [{ code: 'PHL' }],
      estimatedAge: 9,
      rescuedAt: new Date('2024-05-01T10:30:00').toISOString(),
      consents: { services: false, consularNotification: false, shareWithPartners: false, research: false },
    });
  });
});
