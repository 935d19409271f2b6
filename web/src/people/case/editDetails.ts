import type { components } from '../../api/schema';
import {
  localDateTimeValue,
  toCreateBody,
  type CreatePersonBody,
  type IntakeValues,
  type Sex,
} from '../intake/intakeValues';
import type { Person } from './caseApi';

export type UpdatePersonBody = components['schemas']['UpdatePersonDto'];

/** `YYYY-MM-DD` of a moment in the browser's time zone, as a date input shows it. */
function localDateValue(iso: string): string {
  return localDateTimeValue(new Date(iso)).slice(0, 10);
}

/**
 * The intake form's values for a record read back: the edit form is the intake's sections, filled
 * in. Consents are carried but never sent (they have their own history, POST /people/:id/consents).
 */
export function valuesFromPerson(person: Person): IntakeValues {
  return {
    givenName: person.givenName ?? '',
    familyName: person.familyName ?? '',
    nameNative: person.nameNative ?? '',
    aliases: person.aliases ?? [],
    sex: person.sex as Sex,
    ageBy: person.estimatedAge !== null && !person.dateOfBirth ? 'estimatedAge' : 'dateOfBirth',
    dateOfBirth: person.dateOfBirth ?? '',
    estimatedAge: person.estimatedAge ?? '',
    nationalities: person.nationalities.map((n) => n.code),
    documentNumber: person.documentNumber ?? '',
    rescuedAt: localDateTimeValue(new Date(person.rescuedAt)),
    rescuePlace: person.rescuePlace ?? '',
    compoundId: person.compoundId,
    recruitedVia: person.recruitedVia,
    traffickedOn: person.traffickedAt ? localDateValue(person.traffickedAt) : '',
    languages: person.languages ?? [],
    vulnerabilities: person.vulnerabilities ?? [],
    narrative: person.narrative ?? '',
    consents: person.consents,
  };
}

/** Fields PATCH clears with an empty list (the API refuses `null` for them); every other one takes `null`. */
const LIST_FIELDS = new Set<string>(['aliases', 'languages', 'vulnerabilities']);
/** The contract takes a date of birth or an estimated age, never both: a change to one sends both. */
const AGE_FIELDS = ['dateOfBirth', 'estimatedAge'] as const;

/**
 * The body of PATCH /people/:id: only the fields the caseworker changed, so the history names exactly
 * those; a field emptied is sent as `null` (or `[]`). Both sides go through the intake's own
 * conversion, so a value shown and saved unchanged never counts as a change. A nationality kept keeps
 * its `verified` flag as the embassy left it. `undefined` when nothing changed.
 */
export function toPatchBody(
  person: Person,
  before: IntakeValues,
  after: IntakeValues,
  assignee: { before: string | null; after: string | null },
): UpdatePersonBody | undefined {
  const { consents: _before, ...was } = toCreateBody(before);
  const { consents: _after, ...now } = toCreateBody(after);
  const changed = new Set(
    [...new Set([...Object.keys(was), ...Object.keys(now)])].filter(
      (key) => JSON.stringify(was[key as keyof typeof was]) !== JSON.stringify(now[key as keyof typeof now]),
    ),
  );
  if (AGE_FIELDS.some((field) => changed.has(field))) AGE_FIELDS.forEach((field) => changed.add(field));

  const body: Record<string, unknown> = {};
  for (const key of changed) {
    const value = now[key as keyof Omit<CreatePersonBody, 'consents'>];
    body[key] = value ?? (LIST_FIELDS.has(key) ? [] : null);
  }
  if (body.nationalities) {
    const verified = new Map(person.nationalities.map((n) => [n.code, n.verified]));
    body.nationalities = after.nationalities.map((code) =>
      verified.get(code) ? { code, verified: true } : { code },
    );
  }
  if (assignee.before !== assignee.after) body.assignedCaseworkerId = assignee.after;
  return Object.keys(body).length ? (body as UpdatePersonBody) : undefined;
}

/**
 * After a 412 (someone else saved the record while this form was open): the record as it is now,
 * with this caseworker's own changes on top. A field they changed keeps their value; every other
 * field takes the other person's, so saving again overwrites nothing they did not see and change.
 */
export function rebaseEdits(before: IntakeValues, edited: IntakeValues, now: IntakeValues): IntakeValues {
  const rebased = { ...now };
  for (const key of Object.keys(edited) as (keyof IntakeValues)[]) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(before[key])) {
      (rebased as Record<keyof IntakeValues, unknown>)[key] = edited[key];
    }
  }
  return rebased;
}
