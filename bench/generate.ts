import type { ClientBase } from 'pg';
import type { FieldEncryption } from '../src/common/crypto/field-encryption.service';
import { consentGrantedSql } from '../src/people/access/person-scope';
import { nameKey, skeleton } from '../src/people/duplicates/name-key';
import { COMPOUND_KINDS, COMPOUND_PLACES, COMPOUND_PREFIXES, COUNTRIES, type NamePair } from './names';

export interface GenerateOptions {
  people: number;
  encryption: FieldEncryption;
  log: (line: string) => void;
}

export interface GeneratedData {
  people: number;
  compounds: number;
  nationalityRows: number;
  consents: number;
  notifications: number;
  /** Share of people whose current consent to consular notification is a grant. */
  consenting: number;
  seconds: number;
}

// Rescues start on 2022-01-01; everything is dated before END, so no timestamp is in the future (API.md,
// "Time"). The year-long report scenarios take the last full year of data.
const END = '2026-01-01T00:00:00Z';
export const LAST_FULL_YEAR = new Date(END).getUTCFullYear() - 1;
/** Five calendar years from the first rescue: the cross-tab scenario's range. */
export const FIVE_YEARS = { from: '2022-01-01', to: '2026-12-31' } as const;
const BATCH = 50_000;

/** A pool where each value appears `weight` times: `pool[floor(random() * length)]` draws by weight. */
function weighted(weights: Record<string, number>): string[] {
  return Object.entries(weights).flatMap(([value, weight]) => Array<string>(weight).fill(value));
}

const STATUS_POOL = weighted({
  identified: 3,
  screening: 5,
  presumed_victim: 8,
  not_victim: 3,
  protection_claim: 2,
  consular_notified: 6,
  identity_verified: 4,
  documents_issued: 3,
  exit_cleared: 2,
  movement_scheduled: 2,
  departed: 2,
  received_home: 14,
  reintegration_followup: 12,
  closed: 30,
  withdrawn: 3,
  on_hold: 1,
});
const CLOSED_REASON_POOL = weighted({
  reintegrated: 60,
  lost_contact: 15,
  declined: 5,
  transferred: 8,
  not_victim: 10,
  deceased: 2,
});
const RECRUITED_POOL = weighted({
  facebook: 30,
  telegram: 18,
  wechat: 10,
  line: 8,
  tiktok: 10,
  whatsapp: 8,
  job_site: 8,
  person: 6,
  other: 2,
});
const SEX_POOL = weighted({ female: 36, male: 60, other: 1, unknown: 3 });
const COMPOUND_STATUS_POOL = weighted({ active: 4, raided: 3, closed: 2, unknown: 1 });

/** Vietnamese names are often typed without their diacritics: both spellings go in the pool. */
function withPlainVariants(pairs: (NamePair | null)[]): (NamePair | null)[] {
  const strip = (name: string) =>
    name.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd').normalize('NFC');
  const plain = pairs.flatMap((p): NamePair[] => (p && strip(p[0]) !== p[0] ? [[strip(p[0]), null]] : []));
  return [...pairs, ...plain];
}

async function loadNamePools(db: ClientBase): Promise<void> {
  const rows: { pool: string; kind: string; n: number; latin: string | null; native: string | null }[] = [];
  for (const c of COUNTRIES) {
    const add = (kind: string, pairs: (NamePair | null)[]) =>
      pairs.forEach((p, i) =>
        rows.push({
          pool: c.code,
          kind,
          n: i + 1,
          latin: p?.[0].normalize('NFC') ?? null,
          native: p?.[1] ?? null,
        }),
      );
    add('given', withPlainVariants(c.given));
    add('family', withPlainVariants(c.family));
    add(
      'alias',
      c.aliases.map((a): NamePair => [a, null]),
    );
  }
  await db.query(`CREATE TEMP TABLE bench_names (pool text, kind text, n int, latin text, native text, skel text,
                    PRIMARY KEY (pool, kind, n))`);
  await db.query(
    `INSERT INTO bench_names SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])`,
    [
      rows.map((r) => r.pool),
      rows.map((r) => r.kind),
      rows.map((r) => r.n),
      rows.map((r) => r.latin),
      rows.map((r) => r.native),
      // The app's own skeleton, so name_key below equals nameKey() of the stored names.
      rows.map((r) => (r.latin ? skeleton(r.latin) || null : null)),
    ],
  );
  await db.query(
    `
    CREATE TEMP TABLE bench_pools AS
    SELECT c.pool, c.native_share, c.family_first, c.languages, c.nat_pool, c.second_pool,
           (SELECT count(*) FROM bench_names n WHERE n.pool = c.pool AND kind = 'given')::int AS n_given,
           (SELECT count(*) FROM bench_names n WHERE n.pool = c.pool AND kind = 'family')::int AS n_family,
           (SELECT count(*) FROM bench_names n WHERE n.pool = c.pool AND kind = 'alias')::int AS n_alias
      FROM jsonb_to_recordset($1::jsonb) AS c(pool text, native_share float8, family_first boolean,
             languages text[], nat_pool text[], second_pool text[])`,
    [
      JSON.stringify(
        COUNTRIES.map((c) => ({
          pool: c.code,
          native_share: c.nativeShare,
          family_first: c.nativeFamilyFirst ?? false,
          languages: c.languages,
          nat_pool: c.nationalityPool,
          second_pool: c.secondNationalities,
        })),
      ),
    ],
  );
}

/** ~50 invented compounds across the border regions; a few hold most of the people (skewed draw below). */
async function createCompounds(db: ClientBase): Promise<number> {
  const rows = COMPOUND_PREFIXES.flatMap((prefix) => COMPOUND_KINDS.map((kind) => `${prefix} ${kind}`)).map(
    (name, i) => ({ name, place: COMPOUND_PLACES[i % COMPOUND_PLACES.length], i }),
  );
  await db.query(
    `CREATE TEMP TABLE bench_compounds AS
     WITH ins AS (
       INSERT INTO compounds (name, aliases, country_code, region, town, latitude, longitude, controlled_by, status,
                              first_reported_on, last_reported_on)
       SELECT name, ARRAY['Zone ' || i], country, region, town, lat + (random() - 0.5) / 10, lng + (random() - 0.5) / 10,
              'Synthetic operator group ' || (i % 8 + 1), ($8::text[])[1 + floor(random() * cardinality($8::text[]))::int],
              date '2020-01-01' + (random() * 1000)::int, date '2024-01-01' + (random() * 700)::int
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[])
              AS c(name, i, country, region, town, lat, lng)
       RETURNING id, name, town)
     SELECT row_number() OVER (ORDER BY name)::int AS n, id, town FROM ins`,
    [
      rows.map((r) => r.name),
      rows.map((r) => r.i),
      rows.map((r) => r.place.country),
      rows.map((r) => r.place.region),
      rows.map((r) => r.place.town),
      rows.map((r) => r.place.lat),
      rows.map((r) => r.place.lng),
      COMPOUND_STATUS_POOL,
    ],
  );
  return rows.length;
}

/**
 * One row of random draws per person, so that columns drawn together (status and its dates, age and
 * the `minor` flag) stay consistent. Rescues lean towards recent years (sqrt), as the caseload grew.
 * The times a case reached each stage are drawn here too, once, because people (status_since),
 * consents and consular notifications must all tell the same story.
 */
async function drawPeople(db: ClientBase, count: number): Promise<void> {
  const pools = COUNTRIES.flatMap((c) => Array<string>(c.weight).fill(c.code));
  await db.query(
    `CREATE TEMP TABLE bench_draw AS
     WITH s AS (
       SELECT r.*, least(r.rescued_at + power(random(), 3) * interval '30 days', $2::timestamptz) AS created_at,
              ($4::text[])[1 + floor(r.r_status * cardinality($4::text[]))::int] AS status,
              ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] AS closed_draw
         FROM (
           SELECT i, gen_random_uuid() AS id,
                  ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] AS pool,
                  timestamptz '2022-01-01' + sqrt(random()) * ($2::timestamptz - timestamptz '2022-01-01') AS rescued_at,
                  random() AS r_given, random() AS r_family, random() AS r_alias, random() AS r_native,
                  random() AS r_nat, random() AS r_dual, random() AS r_status, random() AS r_dob, random() AS r_comp,
                  16 + floor(power(random(), 1.6) * 34)::int AS age_years, random() AS r_doc,
                  random() AS r_consent, random() AS r_consent_later, random() AS r_ack,
                  random() AS r_stage1, random() AS r_stage2, random() AS r_stage3, random() AS r_stage4,
                  random() AS r_stage5
             FROM generate_series(1, $3::int) AS i) r),
     -- A case that was closed after screening it out or after the person declined never left.
     c AS (
       SELECT s.*, CASE WHEN s.status = 'closed' THEN s.closed_draw END AS closed_reason,
              s.status IN ('departed', 'received_home', 'reintegration_followup')
                OR (s.status = 'closed' AND s.closed_draw NOT IN ('not_victim', 'declined')) AS left_country
         FROM s),
     -- Stage times, each after the one before: notification 1-3 days after registration, then a few days
     -- per stage, departure on day 20; below, none is later than the end of the data.
     t AS (
       SELECT c.*,
              c.created_at + (1 + c.r_stage1 * 2) * interval '1 day' AS at_notified,
              c.created_at + (2 + c.r_stage1 * 2 + c.r_stage2 * 3) * interval '1 day' AS at_verified,
              c.created_at + (3 + c.r_stage1 * 2 + c.r_stage2 * 3 + c.r_stage3 * 3) * interval '1 day' AS at_documents,
              c.created_at + (4 + c.r_stage1 * 2 + c.r_stage2 * 3 + c.r_stage3 * 3 + c.r_stage4 * 2)
                * interval '1 day' AS at_exit_cleared,
              c.created_at + (5 + c.r_stage1 * 2 + c.r_stage2 * 3 + c.r_stage3 * 3 + c.r_stage4 * 2 + c.r_stage5 * 2)
                * interval '1 day' AS at_movement
         FROM c)
     SELECT t.i, t.id, t.pool, t.rescued_at, t.created_at, t.status, t.closed_reason, t.left_country,
            t.r_given, t.r_family, t.r_alias, t.r_native, t.r_nat, t.r_dual, t.r_status, t.r_dob, t.r_comp,
            t.age_years, t.r_doc, t.r_consent, t.r_consent_later, t.r_ack,
            row_number() OVER (PARTITION BY date_part('year', t.created_at AT TIME ZONE 'UTC')
                               ORDER BY t.created_at, t.id)::int AS case_seq,
            least(t.at_notified, $2::timestamptz) AS at_notified,
            least(t.at_verified, $2::timestamptz) AS at_verified,
            CASE WHEN t.left_country THEN least(t.created_at + interval '20 days', $2::timestamptz) END AS departed_at,
            CASE WHEN t.left_country AND t.status <> 'departed'
              THEN least(t.created_at + interval '21 days', $2::timestamptz) END AS received_home_at,
            CASE WHEN t.status = 'closed' THEN least(t.created_at + interval '120 days', $2::timestamptz) END AS closed_at,
            -- When the case entered its current status: the stage clocks and the caseload report read it.
            least(CASE t.status
              WHEN 'identified' THEN t.created_at
              WHEN 'screening' THEN t.created_at + interval '6 hours'
              WHEN 'presumed_victim' THEN t.created_at + interval '1 day'
              WHEN 'consular_notified' THEN t.at_notified
              WHEN 'identity_verified' THEN t.at_verified
              WHEN 'documents_issued' THEN t.at_documents
              WHEN 'exit_cleared' THEN t.at_exit_cleared
              WHEN 'movement_scheduled' THEN t.at_movement
              WHEN 'departed' THEN t.created_at + interval '20 days'
              WHEN 'received_home' THEN t.created_at + interval '21 days'
              WHEN 'reintegration_followup' THEN t.created_at + interval '50 days'
              WHEN 'closed' THEN t.created_at + interval '120 days'
              ELSE t.created_at + interval '3 days' END, $2::timestamptz) AS status_since
       FROM t`,
    [pools, END, count, STATUS_POOL, CLOSED_REASON_POOL],
  );
  await db.query('CREATE INDEX ON bench_draw (i)');
}

/** Document numbers (a quarter of people) and narratives (a third), sealed by the app's own keys. */
async function sealSensitive(db: ClientBase, encryption: FieldEncryption): Promise<void> {
  const prefixes = Object.fromEntries(COUNTRIES.map((c) => [c.code, c.docPrefix]));
  await db.query(
    'CREATE TEMP TABLE bench_sealed (i int PRIMARY KEY, doc_bidx text, doc_enc text, narrative_enc text)',
  );
  const { rows } = await db.query<{ i: number; id: string; pool: string; r_doc: number }>(
    'SELECT i, id, pool, r_doc FROM bench_draw WHERE r_doc < 0.45 ORDER BY i',
  );
  for (let start = 0; start < rows.length; start += 10_000) {
    const batch = rows.slice(start, start + 10_000).map((r) => {
      // i * 7919 mod 9e7 is one-to-one (7919 is prime): every number is unique.
      const doc = r.r_doc < 0.25 ? `${prefixes[r.pool]}${10_000_000 + ((r.i * 7919) % 90_000_000)}` : null;
      const narrative = r.r_doc >= 0.12 ? syntheticNarrative(r.i) : null;
      return {
        i: r.i,
        bidx: encryption.blindIndex(doc),
        doc: encryption.seal('people.document_number', r.id, doc),
        narrative: encryption.seal('people.narrative', r.id, narrative),
      };
    });
    await db.query(
      'INSERT INTO bench_sealed SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])',
      [
        batch.map((b) => b.i),
        batch.map((b) => b.bidx),
        batch.map((b) => b.doc),
        batch.map((b) => b.narrative),
      ],
    );
  }
}

const NARRATIVE_PARTS = [
  'Recruited through an online job advertisement promising customer-service work abroad.',
  'Travelled by car across the border at night; passport taken on arrival.',
  'Held in a guarded building and forced to run online investment fraud for long shifts.',
  'Reports beatings and fines for missing daily targets; family was asked for a ransom.',
  'Released after a raid by local authorities and moved to a temporary shelter.',
  'Speaks little English; an interpreter was present for the interview.',
];

/** Synthetic case notes of a few hundred to ~1,500 characters, like real intake narratives. */
function syntheticNarrative(i: number): string {
  const length = 2 + (i % 9);
  return Array.from({ length }, (_, k) => NARRATIVE_PARTS[(i + k) % NARRATIVE_PARTS.length]).join(' ');
}

const PEOPLE_INSERT = `
  INSERT INTO people (id, case_number, given_name, family_name, name_native, aliases, sex, date_of_birth,
    estimated_age, languages, compound_id, recruited_via, trafficked_at, rescued_at, rescue_place, vulnerabilities,
    status, hold_return_status, closed_reason, document_number_enc, document_number_bidx, narrative_enc, name_key,
    departed_at, received_home_at, closed_at, status_since, created_at, updated_at)
  SELECT d.id,
    to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(d.case_seq::text, greatest(6, length(d.case_seq::text)), '0'),
    g.latin, f.latin,
    CASE WHEN d.r_native < p.native_share AND g.native IS NOT NULL THEN
      CASE WHEN p.family_first THEN coalesce(f.native, '') || g.native ELSE concat_ws(' ', g.native, f.native) END END,
    CASE WHEN a.latin IS NULL THEN '{}'::text[] ELSE ARRAY[a.latin] END,
    ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int],
    CASE WHEN d.r_dob < 0.7 THEN (d.rescued_at - make_interval(years => d.age_years, days => (random() * 364)::int))::date END,
    CASE WHEN d.r_dob >= 0.7 AND d.r_dob < 0.9 THEN d.age_years END,
    p.languages,
    CASE WHEN random() < 0.85 THEN c.id END,
    CASE WHEN random() < 0.85 THEN ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END,
    CASE WHEN random() < 0.8 THEN d.rescued_at - (30 + random() * 700) * interval '1 day' END,
    d.rescued_at,
    c.town,
    array_remove(ARRAY[CASE WHEN d.age_years < 18 THEN 'minor' END, CASE WHEN random() < 0.08 THEN 'medical' END,
      CASE WHEN random() < 0.06 THEN 'injured' END, CASE WHEN random() < 0.01 THEN 'pregnant' END,
      CASE WHEN random() < 0.01 THEN 'disability' END, CASE WHEN random() < 0.25 THEN 'psychological_distress' END],
      NULL),
    d.status,
    CASE WHEN d.status = 'on_hold' THEN 'screening' END,
    d.closed_reason,
    s.doc_enc, s.doc_bidx, s.narrative_enc,
    -- nameKey(): the skeletons of given name, family name and aliases, in that order, blanks left out.
    nullif(concat_ws(' ', g.skel, f.skel, a.skel), ''),
    d.departed_at,
    d.received_home_at,
    d.closed_at,
    d.status_since,
    d.created_at,
    -- The last change to the record was its last status move.
    d.status_since
  FROM bench_draw d
  JOIN bench_pools p ON p.pool = d.pool
  JOIN bench_names g ON (g.pool, g.kind, g.n) = (d.pool, 'given', 1 + floor(d.r_given * p.n_given)::int)
  LEFT JOIN bench_names f ON (f.pool, f.kind, f.n) = (d.pool, 'family', 1 + floor(d.r_family * p.n_family)::int)
  LEFT JOIN bench_names a ON d.r_alias < 0.15
    AND (a.pool, a.kind, a.n) = (d.pool, 'alias', 1 + floor(d.r_alias / 0.15 * p.n_alias)::int)
  -- A skewed draw: low-numbered compounds hold most people, as a few big compounds do.
  LEFT JOIN bench_compounds c ON c.n = 1 + floor(power(d.r_comp, 2) * (SELECT count(*) FROM bench_compounds))::int
  LEFT JOIN bench_sealed s ON s.i = d.i
  WHERE d.i BETWEEN $1::int AND $1::int + ${BATCH - 1}`;

const NATIONALITIES_INSERT = `
  INSERT INTO person_nationalities (person_id, nationality_code, verified, person_created_at)
  SELECT p.id, n.code, n.verified, p.created_at
    FROM bench_draw d
    JOIN bench_pools bp ON bp.pool = d.pool
    JOIN people p ON p.id = d.id
    CROSS JOIN LATERAL (
      SELECT bp.nat_pool[1 + floor(d.r_nat * cardinality(bp.nat_pool))::int] AS code, d.r_nat < 0.4 AS verified
      UNION ALL
      SELECT bp.second_pool[1 + floor(d.r_dual / 0.04 * cardinality(bp.second_pool))::int], false
       WHERE d.r_dual < 0.04) n
   WHERE n.code IS NOT NULL
  ON CONFLICT DO NOTHING`;

const CHANNEL_POOL = weighted({ email: 50, portal: 20, phone: 15, letter: 10, in_person: 5 });

/** Stages a case reaches only after its embassy was notified (consular_notified and everything after it). */
const NOTIFIED = `(d.left_country OR d.status IN ('consular_notified', 'identity_verified', 'documents_issued',
  'exit_cleared', 'movement_scheduled'))`;
const VERIFIED = `(d.left_country OR d.status IN ('identity_verified', 'documents_issued', 'exit_cleared',
  'movement_scheduled'))`;

/**
 * Consents as PersonAccess reads them (the latest answer per type is the current one). Everyone past
 * `presumed_victim` granted consular notification first, because the workflow moves a case on only
 * through a notification, which needs it; one in ten of them withdrew it later. Of the others a quarter
 * granted it, and some just registered have not been asked yet. About 70% hold a grant in all.
 * Consent to services is asked at intake.
 */
async function insertConsents(db: ClientBase): Promise<number> {
  const { rowCount } = await db.query(`
    INSERT INTO consents (person_id, type, granted, recorded_at, given_at)
    SELECT d.id, c.type, c.granted, c.at, c.at
      FROM bench_draw d
      CROSS JOIN LATERAL (
        SELECT 'services' AS type, d.r_consent < 0.98 AS granted, d.created_at AS at
        UNION ALL
        SELECT 'consular_notification', ${NOTIFIED} OR d.r_consent < 0.25, d.created_at + interval '1 hour'
         WHERE ${NOTIFIED} OR d.status NOT IN ('identified', 'screening') OR d.r_consent_later >= 0.4
        UNION ALL
        SELECT 'consular_notification', false,
               d.created_at + interval '2 hours' + (d.status_since - d.created_at) * 0.9
         WHERE ${NOTIFIED} AND d.r_consent_later < 0.1) c`);
  return rowCount ?? 0;
}

/** One consular section per country the people come from (stateless people have no embassy). */
async function createConsularContacts(db: ClientBase): Promise<void> {
  await db.query(`
    CREATE TEMP TABLE bench_contacts AS
    WITH ins AS (
      INSERT INTO consular_contacts (country_code, mission, city, name, title, languages)
      SELECT n.code, 'Embassy of ' || n.name || ' in Bangkok', 'Bangkok', 'Consular section', 'Consul', '{en}'
        FROM nationalities n
       WHERE n.code IN (SELECT unnest(nat_pool) FROM bench_pools) AND n.code <> 'XXA'
      RETURNING id, country_code)
    SELECT country_code::text AS code, id FROM ins`);
}

/**
 * One notification to the embassy of each notified person's primary nationality, at the time their case
 * entered consular_notified; the embassy acknowledged it and, for those at identity_verified or later,
 * verified their identity. Travel documents are left out: their numbers are sealed per notification.
 */
async function insertNotifications(db: ClientBase): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO consular_notifications (person_id, country_code, contact_id, channel, notified_at, acknowledged_at,
                                         identity_verified_at, created_at)
     SELECT d.id, k.code, k.id, ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int],
            d.at_notified,
            CASE WHEN ${VERIFIED} THEN d.at_notified + (d.at_verified - d.at_notified) / 2
                 WHEN d.r_ack < 0.6 THEN least(d.at_notified + interval '1 day', $2::timestamptz) END,
            CASE WHEN ${VERIFIED} THEN d.at_verified END,
            d.at_notified
       FROM bench_draw d
       JOIN bench_pools bp ON bp.pool = d.pool
       JOIN bench_contacts k ON k.code = bp.nat_pool[1 + floor(d.r_nat * cardinality(bp.nat_pool))::int]
      WHERE ${NOTIFIED}`,
    [CHANNEL_POOL, END],
  );
  return rowCount ?? 0;
}

/**
 * The generated cases must tell one story: stages in order, notifications after the rescue and before
 * the departure, nothing in the future, and the share of consular consent the access rule will meet.
 */
async function checkStory(db: ClientBase): Promise<number> {
  const {
    rows: [r],
  } = await db.query<{ bad_people: number; bad_notifications: number; consenting: number }>(`
    SELECT
      (SELECT count(*) FROM people
        WHERE status_since < created_at OR status_since > now() OR updated_at <> status_since
           OR (departed_at IS NOT NULL) <> (status IN ('departed', 'received_home', 'reintegration_followup')
                                             OR (status = 'closed' AND closed_reason NOT IN ('not_victim', 'declined'))))::int
        AS bad_people,
      (SELECT count(*) FROM consular_notifications n JOIN people p ON p.id = n.person_id
        WHERE n.notified_at < p.rescued_at OR n.notified_at > coalesce(p.departed_at, now())
           OR n.identity_verified_at < n.notified_at OR n.acknowledged_at < n.notified_at
           OR (n.identity_verified_at IS NULL) = (p.status IN ('identity_verified', 'documents_issued',
                'exit_cleared', 'movement_scheduled') OR p.departed_at IS NOT NULL)
           OR NOT EXISTS (SELECT 1 FROM person_nationalities pn
                           WHERE pn.person_id = p.id AND pn.nationality_code = n.country_code))::int
        AS bad_notifications,
      (SELECT avg(${consentGrantedSql('p', 'consular_notification')}::int) FROM people p)::float8 AS consenting`);
  if (r.bad_people || r.bad_notifications) {
    throw new Error(`inconsistent cases: ${r.bad_people} people, ${r.bad_notifications} notifications`);
  }
  return r.consenting;
}

/** The stored name_key must be what the app's nameKey() gives for the stored names. */
async function checkNameKeys(db: ClientBase): Promise<void> {
  const { rows } = await db.query<{
    given_name: string;
    family_name: string;
    aliases: string[];
    name_key: string;
  }>('SELECT given_name, family_name, aliases, name_key FROM people TABLESAMPLE SYSTEM (2) LIMIT 3000');
  const wrong = rows.find(
    (r) => nameKey({ givenName: r.given_name, familyName: r.family_name, aliases: r.aliases }) !== r.name_key,
  );
  if (wrong) throw new Error(`name_key differs from nameKey() for ${JSON.stringify(wrong)}`);
}

/**
 * Fills a migrated, empty database with synthetic people, their consents and consular notifications.
 * Rows are drawn in SQL (generate_series and random()) because that is minutes faster than sending
 * 300,000 INSERTs. Two things only Node can
 * compute the app's way: `name_key` (the app's `skeleton()` per name part, joined in SQL exactly as
 * `nameKey()` joins them, then checked on a sample) and the encrypted document numbers with their
 * blind index (the app's FieldEncryption, so duplicate search by document number finds them).
 */
export async function generate(db: ClientBase, options: GenerateOptions): Promise<GeneratedData> {
  const started = Date.now();
  const { log } = options;
  // Bulk-load settings for this session only: a large GIN pending list makes the trigram indexes cheap
  // to fill; VACUUM below merges it.
  await db.query(`SET gin_pending_list_limit = '64MB'`);
  await db.query(`SET work_mem = '64MB'`);
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query(`SELECT setseed(0.2024)`);

  await loadNamePools(db);
  const compounds = await createCompounds(db);
  // The reports' read model follows every statement; for a bulk load it is built once, at the end.
  await reportTriggers(db, 'DISABLE');
  await drawPeople(db, options.people);
  await sealSensitive(db, options.encryption);
  log(`  drawn ${options.people} people, sealed documents and narratives (${elapsed(started)})`);

  for (let first = 1; first <= options.people; first += BATCH) {
    await db.query(PEOPLE_INSERT, [first, SEX_POOL, RECRUITED_POOL]);
    log(`  people ${Math.min(first + BATCH - 1, options.people)}/${options.people} (${elapsed(started)})`);
  }
  const { rowCount: nationalityRows } = await db.query(NATIONALITIES_INSERT);
  log(`  nationalities ${nationalityRows} (${elapsed(started)})`);
  const consents = await insertConsents(db);
  await createConsularContacts(db);
  const notifications = await insertNotifications(db);
  log(`  consents ${consents}, consular notifications ${notifications} (${elapsed(started)})`);
  // The app numbers the next intake of a year from here: never reuse a generated case number.
  await db.query(`
    INSERT INTO case_number_counters (year, last_value)
    SELECT date_part('year', created_at AT TIME ZONE 'UTC')::int, max(case_seq) FROM bench_draw GROUP BY 1
    ON CONFLICT (year) DO UPDATE SET last_value = greatest(case_number_counters.last_value, excluded.last_value)`);
  await db.query(
    'DROP TABLE bench_draw, bench_sealed, bench_names, bench_pools, bench_compounds, bench_contacts',
  );
  await checkNameKeys(db);
  const consenting = await checkStory(db);
  log(
    `  ${(consenting * 100).toFixed(1)}% consent to consular notification; vacuum and analyze (${elapsed(started)})`,
  );
  await reportTriggers(db, 'ENABLE');
  await db.query('SELECT sr_report_refresh(ARRAY(SELECT id FROM people))');
  await db.query('SELECT sr_report_fold()');
  log(`  reports' read model built (${elapsed(started)})`);
  await db.query(
    `VACUUM (ANALYZE) people, person_nationalities, compounds, case_number_counters, consents,
       consular_contacts, consular_notifications, report_departures, report_cases, report_caseload,
       report_departure_days, report_stage_days, report_interval_hours`,
  );
  return {
    people: options.people,
    compounds,
    nationalityRows: nationalityRows ?? 0,
    consents,
    notifications,
    consenting,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The statement triggers that keep the reports' read model current (migration ReportReadModel). */
async function reportTriggers(db: ClientBase, action: 'ENABLE' | 'DISABLE'): Promise<void> {
  const { rows } = await db.query<{ tgname: string; relname: string }>(
    `SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgname LIKE 'report\\_%'`,
  );
  for (const { tgname, relname } of rows)
    await db.query(`ALTER TABLE ${relname} ${action} TRIGGER ${tgname}`);
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
