import type { components } from '../../api/schema';
import type { Compound } from '../useReferenceData';

export type CompoundStatus = Compound['status'];
export type CreateCompoundBody = components['schemas']['CreateCompoundDto'];
export type CompoundChanges = components['schemas']['UpdateCompoundDto'];

/** The contract's statuses (src/compounds/dto/compound-fields.ts), in the order a picker offers them. */
export const COMPOUND_STATUSES: CompoundStatus[] = ['active', 'raided', 'closed', 'unknown'];

/** The API's limits, in characters (code points, as the API counts them). */
export const COMPOUND_LIMITS = { name: 200, aliases: 20, place: 200, notes: 2000 } as const;

/** The form as typed: every field a string (coordinates too, so "21," can be typed on the way to "21,5"). */
export interface CompoundDraft {
  name: string;
  aliases: string[];
  countryCode: string;
  region: string;
  town: string;
  controlledBy: string;
  status: CompoundStatus | '';
  notes: string;
  latitude: string;
  longitude: string;
}

export type CompoundField = keyof CompoundDraft;
/** Catalogue keys under `compounds.errors`, by field. */
export type CompoundDraftErrors = Partial<Record<CompoundField, string>>;

const PLACES = ['region', 'town', 'controlledBy'] as const;
const TEXTS = [...PLACES, 'notes'] as const;
const FIELDS: CompoundField[] = [
  'name',
  'aliases',
  'countryCode',
  'status',
  ...TEXTS,
  'latitude',
  'longitude',
];

export const EMPTY_COMPOUND: CompoundDraft = {
  name: '',
  aliases: [],
  countryCode: '',
  region: '',
  town: '',
  controlledBy: '',
  status: '',
  notes: '',
  latitude: '',
  longitude: '',
};

const length = (s: string) => [...s.trim()].length;
const cleanAliases = (aliases: string[]) => aliases.map((a) => a.trim()).filter(Boolean);

/** A coordinate as typed: blank is none; a decimal comma is accepted (as many keyboards give it). */
export function parseCoordinate(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

function checkCoordinate(text: string, limit: number): string | undefined {
  const value = parseCoordinate(text);
  if (value === 'invalid') return 'coordinateInvalid';
  if (value !== null && Math.abs(value) > limit) return limit === 90 ? 'latitudeRange' : 'longitudeRange';
  return undefined;
}

/**
 * The contract's rules, checked before sending so each shows beside its field; the API checks again
 * (an unknown country, a name of invisible characters) and has the last word.
 */
export function validateCompound(draft: CompoundDraft): CompoundDraftErrors {
  const errors: CompoundDraftErrors = {};
  if (!draft.name.trim()) errors.name = 'nameRequired';
  else if (length(draft.name) > COMPOUND_LIMITS.name) errors.name = 'tooLong';
  const aliases = cleanAliases(draft.aliases);
  if (aliases.length > COMPOUND_LIMITS.aliases) errors.aliases = 'tooManyAliases';
  else if (aliases.some((a) => length(a) > COMPOUND_LIMITS.name)) errors.aliases = 'aliasTooLong';
  if (!draft.countryCode) errors.countryCode = 'countryRequired';
  if (!draft.status) errors.status = 'statusRequired';
  for (const field of PLACES) if (length(draft[field]) > COMPOUND_LIMITS.place) errors[field] = 'tooLong';
  if (length(draft.notes) > COMPOUND_LIMITS.notes) errors.notes = 'notesTooLong';
  const latitude = checkCoordinate(draft.latitude, 90);
  const longitude = checkCoordinate(draft.longitude, 180);
  if (latitude) errors.latitude = latitude;
  if (longitude) errors.longitude = longitude;
  // Half a position cannot be put on a map: the API refuses it too.
  if (!latitude && !longitude) {
    const hasLat = parseCoordinate(draft.latitude) !== null;
    const hasLng = parseCoordinate(draft.longitude) !== null;
    if (hasLat && !hasLng) errors.longitude = 'positionPair';
    if (hasLng && !hasLat) errors.latitude = 'positionPair';
  }
  return errors;
}

/** What the API stores for one field of the draft (blank text and coordinates are null). */
function stored(draft: CompoundDraft, field: CompoundField): unknown {
  if (field === 'aliases') return cleanAliases(draft.aliases);
  if (field === 'latitude' || field === 'longitude') return parseCoordinate(draft[field]);
  const text = draft[field].trim();
  return text === '' ? null : text;
}

/** POST /compounds's body from a checked draft: only the fields given. */
export function toCreateBody(draft: CompoundDraft): CreateCompoundBody {
  const body: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = stored(draft, field);
    if (value !== null && !(Array.isArray(value) && value.length === 0)) body[field] = value;
  }
  return body as unknown as CreateCompoundBody;
}

/** The form filled in from a compound as the API has it. */
export function draftOf(compound: Compound): CompoundDraft {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    name: compound.name,
    aliases: [...compound.aliases],
    countryCode: compound.countryCode,
    region: text(compound.region),
    town: text(compound.town),
    controlledBy: text(compound.controlledBy),
    status: compound.status,
    notes: text(compound.notes),
    latitude: text(compound.latitude),
    longitude: text(compound.longitude),
  };
}

/** PATCH /compounds/:id's body: only what differs from the compound the form was filled from. */
export function toChanges(base: Compound, draft: CompoundDraft): CompoundChanges {
  const before = draftOf(base);
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = stored(draft, field);
    if (JSON.stringify(value) !== JSON.stringify(stored(before, field))) changes[field] = value;
  }
  return changes as CompoundChanges;
}

/**
 * After someone else saved the compound meanwhile: their version, with the fields this form changed
 * from the version it was filled from carried over on top, so nothing typed is lost.
 */
export function rebaseDraft(base: Compound, theirs: Compound, draft: CompoundDraft): CompoundDraft {
  const changed = toChanges(base, draft);
  const next = draftOf(theirs);
  for (const field of Object.keys(changed) as CompoundField[]) {
    (next as unknown as Record<string, unknown>)[field] = draft[field];
  }
  return next;
}

/** The form field an API validation detail names (`aliases[1]` is the aliases field). */
export function draftFieldOf(apiField: string): CompoundField | undefined {
  const field = apiField.split(/[.[]/)[0] as CompoundField;
  return FIELDS.includes(field) ? field : undefined;
}
