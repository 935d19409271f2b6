import countries from 'world-countries';
import type { Ladder } from './k-anonymity';

/** One group of cases as counted in SQL: the quasi-identifiers the export publishes, as held. */
export interface CaseTraits {
  citizenship: string | null; // alpha-3
  sex: string;
  age_band: string;
  recruited_via: string | null;
  exploitation_country: string | null; // alpha-3
  status: string;
  closed_reason: string | null;
  year: number;
}

const byAlpha3 = new Map(countries.map((c) => [c.cca3, c]));
/** ISO alpha-2 as HTCDS asks; stateless and unknown have none. */
const alpha2 = (code: string | null) => (code && byAlpha3.get(code)?.cca2) || '';
const subregion = (code: string | null) => (code && byAlpha3.get(code)?.subregion) || '';
const region = (code: string | null) => (code && byAlpha3.get(code)?.region) || '';

/** HTCDS 2.0 picklist values (prs_Gender has no "other": its one non-binary value stands in). */
const GENDER: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Transgender/NonConforming',
  unknown: 'Unknown',
};
const PLATFORM: Record<string, string> = {
  facebook: 'Facebook',
  telegram: 'Telegram',
  wechat: 'WeChat',
  line: 'Line',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  job_site: 'Other',
  person: 'Other',
  other: 'Other',
};

/** cas_Status: Active, FollowUp (home, being followed), Closed, ClosedReferred (handed to another organisation). */
function caseStatus(t: CaseTraits): string {
  if (t.status === 'closed') return t.closed_reason === 'transferred' ? 'ClosedReferred' : 'Closed';
  if (t.status === 'received_home' || t.status === 'reintegration_followup') return 'FollowUp';
  return 'Active';
}

const WIDER_AGE: Record<string, string> = {
  '0-17': '0-17',
  '18-24': '18-34',
  '25-34': '18-34',
  '35-44': '35+',
  '45-59': '35+',
  '60+': '35+',
};
const withheld = () => '*';
const period = (years: number) => (t: CaseTraits) => {
  const start = t.year - (t.year % years);
  return `${start}-${start + years - 1}`;
};

/**
 * The export's columns, each with its generalisation ladder: age band → wider band → adult/minor,
 * year → two-year → five-year period, country → subregion → region; every ladder ends withheld.
 */
export const HTCDS_LADDERS: Ladder<CaseTraits>[] = [
  { name: 'cas_YearOfRegistration', rungs: [(t) => String(t.year), period(2), period(5), withheld] },
  {
    name: 'prs_Citizenship',
    rungs: [
      (t) => alpha2(t.citizenship),
      (t) => subregion(t.citizenship),
      (t) => region(t.citizenship),
      withheld,
    ],
  },
  { name: 'prs_Gender', rungs: [(t) => GENDER[t.sex] ?? 'Unknown', withheld] },
  {
    name: 'vic_AgeWhenTrafficked',
    rungs: [
      (t) => (t.age_band === 'unknown' ? '' : t.age_band),
      (t) => WIDER_AGE[t.age_band] ?? '',
      (t) => (t.age_band === 'unknown' ? '' : t.age_band === '0-17' ? '0-17' : '18+'),
      withheld,
    ],
  },
  {
    name: 'vic_RecruitmentWebsitesAndApps',
    rungs: [(t) => (t.recruited_via ? PLATFORM[t.recruited_via] : ''), withheld],
  },
  {
    name: 'vic_LocationOfExploitation',
    rungs: [
      (t) => alpha2(t.exploitation_country),
      (t) => subregion(t.exploitation_country),
      (t) => region(t.exploitation_country),
      withheld,
    ],
  },
  { name: 'cas_Status', rungs: [caseStatus, withheld] },
];
