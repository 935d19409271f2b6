import type { TravelDocumentInput } from '../hooks/useEmbassyCases';

export const TRAVEL_DOCUMENT_TYPES: TravelDocumentInput['type'][] = [
  'emergency_travel_document',
  'passport',
  'certificate_of_identity',
];

/** The API's limit on a travel document's number (src/consular/dto/consular-fields.ts). */
export const NUMBER_MAX = 50;

export interface TravelDocumentDraft {
  type: TravelDocumentInput['type'] | '';
  number: string;
  expiresAt: string;
}

/** Catalogue keys under `consular.document.errors`, by field. */
export type TravelDocumentErrors = Partial<Record<keyof TravelDocumentDraft, string>>;

/** Today as the API counts it: a calendar date in UTC. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The rules the API applies to a travel document (API.md "Consular coordination"), checked before
 * sending so the officer sees them beside the fields: a type, a number, an expiry that is today or
 * later. The API checks again; its answer wins.
 */
export function validateTravelDocument(draft: TravelDocumentDraft, today = todayUtc()): TravelDocumentErrors {
  const errors: TravelDocumentErrors = {};
  if (!draft.type) errors.type = 'typeRequired';
  const number = draft.number.trim();
  if (!number) errors.number = 'numberRequired';
  else if (number.length > NUMBER_MAX) errors.number = 'numberTooLong';
  if (!draft.expiresAt) errors.expiresAt = 'expiresRequired';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.expiresAt) || Number.isNaN(Date.parse(draft.expiresAt)))
    errors.expiresAt = 'expiresInvalid';
  else if (draft.expiresAt < today) errors.expiresAt = 'expiresPast';
  return errors;
}

/** The body to send, once `validateTravelDocument` found nothing. */
export function toTravelDocument(draft: TravelDocumentDraft): TravelDocumentInput {
  return {
    type: draft.type as TravelDocumentInput['type'],
    number: draft.number.trim(),
    expiresAt: draft.expiresAt,
  };
}
