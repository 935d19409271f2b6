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

/** Length limits, counted in characters (code points), not bytes. */
export const LIMITS = {
  name: 200,
  aliases: 20,
  languages: 20,
  place: 300,
  documentNumber: 50,
  narrative: 20_000,
  note: 2_000,
  nationalities: 10,
} as const;
