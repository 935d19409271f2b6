import type { Contact, CreateContactInput, UpdateContactInput } from '../hooks/useContacts';

/** The API's limits and patterns (src/consular/dto/consular-fields.ts), checked before sending. */
export const LIMITS = {
  mission: 300,
  city: 200,
  name: 200,
  title: 200,
  phone: 50,
  email: 254,
  languages: 20,
};
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().\-/]*(\s*(ext\.?|x)\s*[0-9]+)?$/i;
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the form holds: every text as typed ('' for none), the codes as the API writes them. */
export interface ContactDraft {
  countryCode: string;
  mission: string;
  city: string;
  name: string;
  title: string;
  phone: string;
  email: string;
  languages: string[];
  accreditedFrom: string;
  active: boolean;
}

export type DraftField = keyof ContactDraft;
/** Catalogue keys under `contacts.errors`, by field. */
export type ContactDraftErrors = Partial<Record<DraftField, string>>;

export const EMPTY_DRAFT: ContactDraft = {
  countryCode: '',
  mission: '',
  city: '',
  name: '',
  title: '',
  phone: '',
  email: '',
  languages: [],
  accreditedFrom: '',
  active: true,
};

/** Texts the API may hold as null: an emptied field clears them. */
const OPTIONAL_TEXTS = ['city', 'title', 'phone', 'email'] as const;

export function draftOf(contact: Contact): ContactDraft {
  return {
    countryCode: contact.countryCode,
    mission: contact.mission,
    city: contact.city ?? '',
    name: contact.name,
    title: contact.title ?? '',
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    languages: contact.languages,
    accreditedFrom: contact.accreditedFrom ?? '',
    active: contact.active,
  };
}

function tooLong(value: string, max: number): boolean {
  // Counted in characters (code points), as the API counts them.
  return [...value.trim()].length > max;
}

/** The API's rules, so each refusal shows beside its field before anything is sent. */
export function validateContact(draft: ContactDraft, creating: boolean): ContactDraftErrors {
  const errors: ContactDraftErrors = {};
  if (creating && !draft.countryCode) errors.countryCode = 'countryRequired';
  if (!draft.mission.trim()) errors.mission = 'missionRequired';
  else if (tooLong(draft.mission, LIMITS.mission)) errors.mission = 'tooLong';
  if (!draft.name.trim()) errors.name = 'nameRequired';
  else if (tooLong(draft.name, LIMITS.name)) errors.name = 'tooLong';
  if (tooLong(draft.city, LIMITS.city)) errors.city = 'tooLong';
  if (tooLong(draft.title, LIMITS.title)) errors.title = 'tooLong';
  const phone = draft.phone.trim();
  if (phone && (phone.length < 3 || !PHONE_PATTERN.test(phone))) errors.phone = 'phoneInvalid';
  else if (tooLong(phone, LIMITS.phone)) errors.phone = 'tooLong';
  const email = draft.email.trim();
  if (email && !EMAIL.test(email)) errors.email = 'emailInvalid';
  else if (tooLong(email, LIMITS.email)) errors.email = 'tooLong';
  if (draft.languages.length > LIMITS.languages) errors.languages = 'tooManyLanguages';
  else if (draft.languages.some((tag) => !LANGUAGE_TAG.test(tag))) errors.languages = 'languageInvalid';
  return errors;
}

/** POST /consular/contacts: trimmed texts, the empty optional ones left out. */
export function createBody(draft: ContactDraft): CreateContactInput {
  const body: CreateContactInput = {
    countryCode: draft.countryCode,
    mission: draft.mission.trim(),
    name: draft.name.trim(),
    languages: draft.languages,
    active: draft.active,
  };
  for (const field of OPTIONAL_TEXTS) if (draft[field].trim()) body[field] = draft[field].trim();
  if (draft.accreditedFrom) body.accreditedFrom = draft.accreditedFrom;
  return body;
}

function same(a: ContactDraft[DraftField], b: ContactDraft[DraftField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
}

/** The fields the form changed from the version it was filled from (the country is never edited). */
export function changedFields(initial: ContactDraft, draft: ContactDraft): DraftField[] {
  return (Object.keys(draft) as DraftField[]).filter(
    (f) => f !== 'countryCode' && !same(initial[f], draft[f]),
  );
}

/** PATCH /consular/contacts/:id: only what changed; an emptied optional field is sent as null. */
export function updateBody(initial: ContactDraft, draft: ContactDraft): UpdateContactInput {
  const body: UpdateContactInput = {};
  for (const field of changedFields(initial, draft)) {
    if (field === 'languages') body.languages = draft.languages;
    else if (field === 'active') body.active = draft.active;
    else if (field === 'accreditedFrom') body.accreditedFrom = draft.accreditedFrom || null;
    else if (field === 'mission' || field === 'name') body[field] = draft[field].trim();
    else if (field !== 'countryCode') body[field] = draft[field].trim() || null;
  }
  return body;
}

/**
 * After someone else saved the contact (412): their version, with this form's own changes on top,
 * so nothing typed is lost and nothing of theirs is overwritten unseen.
 */
export function rebase(initial: ContactDraft, draft: ContactDraft, stored: Contact): ContactDraft {
  const mine = Object.fromEntries(changedFields(initial, draft).map((f) => [f, draft[f]]));
  return { ...draftOf(stored), ...mine };
}
