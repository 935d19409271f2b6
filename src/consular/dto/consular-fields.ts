/** The enumerations and limits of consular coordination (API.md "Consular coordination"). */
export const CHANNELS = ['email', 'phone', 'letter', 'in_person', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TRAVEL_DOCUMENT_TYPES = [
  'passport',
  'emergency_travel_document',
  'certificate_of_identity',
] as const;
export type TravelDocumentType = (typeof TRAVEL_DOCUMENT_TYPES)[number];

/** Length limits, counted in characters. */
export const CONTACT_LIMITS = {
  mission: 300,
  city: 200,
  name: 200,
  title: 200,
  phone: 50,
  email: 254,
  languages: 20,
} as const;

/** Free-text notes of an embassy (acknowledgement, verification): the same bound as case notes. */
export const NOTE_MAX = 2_000;

/** Travel-document numbers: the same bound as a person's document number. */
export const TRAVEL_DOCUMENT_NUMBER_MAX = 50;

/** Digits and the usual separators, a leading +, and an optional extension ("ext. 12", "x12"). */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().\-/]*(\s*(ext\.?|x)\s*[0-9]+)?$/i;

/** BCP 47 language tags, as people's languages are written. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** ICAO codes that name no state: no mission represents them and no embassy can be notified. */
export const NOT_A_COUNTRY = ['XXA', 'XXX'];
