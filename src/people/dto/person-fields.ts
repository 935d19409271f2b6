/** The enumerations of a person record (API.md "People (intake)"). */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const RECRUITED_VIA = [
  'facebook',
  'telegram',
  'wechat',
  'line',
  'tiktok',
  'whatsapp',
  'job_site',
  'person',
  'other',
] as const;
export type RecruitedVia = (typeof RECRUITED_VIA)[number];

export const VULNERABILITIES = [
  'minor',
  'medical',
  'injured',
  'pregnant',
  'disability',
  'psychological_distress',
] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];

export const CONSENT_TYPES = [
  'services',
  'consular_notification',
  'share_with_partners',
  'research',
] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/** A consent type (`consular_notification`, as stored) and its field in the API (`consularNotification`). */
export const CONSENT_FIELD_OF_TYPE = {
  services: 'services',
  consular_notification: 'consularNotification',
  share_with_partners: 'shareWithPartners',
  research: 'research',
} as const satisfies Record<ConsentType, string>;
export type ConsentField = (typeof CONSENT_FIELD_OF_TYPE)[ConsentType];

export const CONSENT_TYPE_OF_FIELD = Object.fromEntries(
  Object.entries(CONSENT_FIELD_OF_TYPE).map(([type, field]) => [field, type]),
) as Record<ConsentField, ConsentType>;

/** Length limits, counted in characters (code points), not bytes. */
export const LIMITS = {
  name: 200,
  /**
   * A name searched for (the list's `q`, the duplicate search's names). A stored name may be long (a
   * full transcription with titles), but a search needs enough of it to tell people apart: 70 is the
   * whole of a full name in the UK government's data standard, and nearly twice the 39 characters a
   * passport's machine-readable zone holds for surname and given names together. Trigram searches
   * cost in proportion to the length searched: 200-character names kept 40 searches at 2.8 s each.
   */
  nameQuery: 70,
  aliases: 20,
  languages: 20,
  place: 300,
  documentNumber: 50,
  narrative: 20_000,
  note: 2_000,
  nationalities: 10,
} as const;
