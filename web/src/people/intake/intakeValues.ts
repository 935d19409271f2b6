import type { components } from '../../api/schema';

export type CreatePersonBody = components['schemas']['CreatePersonDto'];
export type Sex = CreatePersonBody['sex'];
export type RecruitedVia = NonNullable<CreatePersonBody['recruitedVia']>;
export type Vulnerability = NonNullable<CreatePersonBody['vulnerabilities']>[number];
export type ConsentKey = keyof NonNullable<CreatePersonBody['consents']>;

/** The contract's closed lists (API.md "People (intake)"), in the order the form offers them. */
export const SEXES: Sex[] = ['female', 'male', 'other', 'unknown'];
export const RECRUITED_VIA: RecruitedVia[] = [
  'facebook',
  'telegram',
  'wechat',
  'line',
  'tiktok',
  'whatsapp',
  'job_site',
  'person',
  'other',
];
export const CONSENTS: ConsentKey[] = ['services', 'consularNotification', 'shareWithPartners', 'research'];
/** The API's code for a nationality not known yet. */
export const UNSPECIFIED_NATIONALITY = 'XXX';

/** What the intake form holds: strings as the inputs give them, turned into the API's body on submit. */
export interface IntakeValues {
  givenName: string;
  familyName: string;
  nameNative: string;
  aliases: string[];
  sex: Sex | '';
  /** The contract takes a date of birth or an estimated age, never both. */
  ageBy: 'dateOfBirth' | 'estimatedAge';
  dateOfBirth: string;
  estimatedAge: number | string;
  nationalities: string[];
  documentNumber: string;
  /** `datetime-local` value, in the caseworker's time zone. */
  rescuedAt: string;
  rescuePlace: string;
  compoundId: string | null;
  recruitedVia: string | null;
  /** `date` value: the day the person was taken, when known. */
  traffickedOn: string;
  languages: string[];
  vulnerabilities: string[];
  narrative: string;
  consents: Record<ConsentKey, boolean>;
}

/** `YYYY-MM-DDTHH:mm` of a moment in the browser's time zone, as a datetime-local input shows it. */
export function localDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyIntake(now: Date = new Date()): IntakeValues {
  return {
    givenName: '',
    familyName: '',
    nameNative: '',
    aliases: [],
    sex: '',
    ageBy: 'dateOfBirth',
    dateOfBirth: '',
    estimatedAge: '',
    nationalities: [],
    documentNumber: '',
    // Most intakes are registered on the day of the rescue: start from now, changed when not.
    rescuedAt: localDateTimeValue(now),
    rescuePlace: '',
    compoundId: null,
    recruitedVia: null,
    traffickedOn: '',
    languages: [],
    vulnerabilities: [],
    narrative: '',
    // Consent is never assumed (DESIGN.md §2): every toggle starts off.
    consents: { services: false, consularNotification: false, shareWithPartners: false, research: false },
  };
}

const text = (value: string) => {
  const trimmed = value.normalize('NFC').trim();
  return trimmed === '' ? undefined : trimmed;
};

/** A local date or date-time input's value as the API's UTC timestamp. */
function timestamp(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The body of POST /people: only what was filled in, consents in the same call (the contract accepts them). */
export function toCreateBody(values: IntakeValues): CreatePersonBody {
  const age = values.estimatedAge === '' ? undefined : Number(values.estimatedAge);
  const body: CreatePersonBody = {
    givenName: text(values.givenName),
    familyName: text(values.familyName),
    nameNative: text(values.nameNative),
    aliases: values.aliases.map((a) => a.trim()).filter(Boolean),
    sex: values.sex as Sex,
    dateOfBirth: values.ageBy === 'dateOfBirth' ? values.dateOfBirth || undefined : undefined,
    estimatedAge: values.ageBy === 'estimatedAge' ? age : undefined,
    nationalities: values.nationalities.map((code) => ({ code })),
    documentNumber: text(values.documentNumber),
    rescuedAt: timestamp(values.rescuedAt) ?? '',
    rescuePlace: text(values.rescuePlace),
    compoundId: values.compoundId ?? undefined,
    recruitedVia: (values.recruitedVia as RecruitedVia | null) ?? undefined,
    traffickedAt: timestamp(values.traffickedOn),
    languages: values.languages,
    vulnerabilities: values.vulnerabilities as Vulnerability[],
    narrative: text(values.narrative),
    consents: values.consents,
  };
  // Leave out what was not given, so the body says only what the caseworker said.
  for (const key of Object.keys(body) as (keyof CreatePersonBody)[]) {
    const value = body[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete body[key];
  }
  return body;
}

/** Which form field an API validation detail belongs to (`nationalities.0.code` → `nationalities`). */
export function formFieldOf(apiField: string): keyof IntakeValues | undefined {
  const head = apiField.split(/[.[]/)[0];
  if (head === 'traffickedAt') return 'traffickedOn';
  if (head === 'consents') return 'consents';
  return head in emptyIntake() ? (head as keyof IntakeValues) : undefined;
}
