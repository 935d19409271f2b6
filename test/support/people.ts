import { randomUUID } from 'node:crypto';
import { API, SignedIn, TestApp } from './app';

/** A valid intake body; tests override what they are about. Synthetic names only. */
export function personPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    givenName: 'Anong',
    familyName: `Test${randomUUID().slice(0, 8)}`,
    sex: 'female',
    nationalities: [{ code: 'THA' }],
    rescuedAt: '2023-11-01T08:00:00Z',
    ...overrides,
  };
}

/** A person as the API answers it; tests read the fields they need. */
export interface PersonBody {
  id: string;
  version: number;
  familyName: string;
  [field: string]: unknown;
}

export async function createPerson(
  t: TestApp,
  user: SignedIn,
  overrides: Record<string, unknown> = {},
): Promise<PersonBody> {
  const res = await t.http().post(`${API}/people`).set(user.auth).send(personPayload(overrides));
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Puts a case straight into a state (fixture shortcut for states reached through events such as
 * handovers); the move under test then goes through the API.
 */
export async function forceStatus(
  t: TestApp,
  personId: string,
  status: string,
  holdReturn?: string,
): Promise<number> {
  const [rows] = (await t.db.query(
    `UPDATE people SET status = $2, hold_return_status = $3, version = version + 1 WHERE id = $1 RETURNING version`,
    [personId, status, status === 'on_hold' ? (holdReturn ?? 'screening') : null],
  )) as [{ version: number }[], number];
  return rows[0].version;
}

export interface PeopleFixture {
  status?: string;
  nationalities?: string[];
  /** Grant consent to consular notification (what lets an embassy see the person). */
  consularConsent?: boolean;
  /** Recorded as their creator and consent taker. */
  createdBy: string;
}

/**
 * Many people at once, written straight to the database in three statements (fixtures for events of
 * hundreds, which intake through the API would take minutes to build). Case numbers come from the
 * same yearly counter intake uses, reserved as one block, so they never collide with API intakes.
 */
export async function insertPeople(t: TestApp, count: number, fixture: PeopleFixture): Promise<string[]> {
  const { status = 'exit_cleared', nationalities = ['THA'], consularConsent = false, createdBy } = fixture;
  const year = new Date().getUTCFullYear();
  const rows = (await t.db.query(
    `WITH block AS (
       INSERT INTO case_number_counters AS c (year, last_value) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + $2 RETURNING last_value)
     INSERT INTO people (case_number, given_name, family_name, sex, rescued_at, status, created_by)
     SELECT $1 || '-' || lpad((block.last_value - $2 + g)::text, 6, '0'), 'Fixture', 'Batch' || g, 'male',
            '2023-11-01T08:00:00Z', $3, $4
       FROM block, generate_series(1, $2::int) AS g
     RETURNING id`,
    [year, count, status, createdBy],
  )) as { id: string }[];
  const ids = rows.map((r) => r.id);
  await t.db.query(
    `INSERT INTO person_nationalities (person_id, nationality_code, verified, person_created_at)
     SELECT p.id, n.code, false, p.created_at FROM people p, unnest($2::text[]) AS n(code)
      WHERE p.id = ANY($1::uuid[])`,
    [ids, nationalities],
  );
  if (consularConsent) {
    await t.db.query(
      `INSERT INTO consents (person_id, type, granted, recorded_by)
       SELECT id, 'consular_notification', true, $2 FROM unnest($1::uuid[]) AS u(id)`,
      [ids, createdBy],
    );
  }
  return ids;
}

export interface PersonFixture {
  nationalities: string[];
  sex?: string;
  status?: string;
  rescuedAt?: string;
  departedAt?: string | null;
  dateOfBirth?: string | null;
  compoundId?: string | null;
  statusSince?: string;
}

/**
 * Many people at once, straight into the tables (fixtures for counting: reports, benchmarks). Each
 * gets a case number no intake would give (year 1900 + a random block), so they never collide.
 */
export async function insertPersonRows(t: TestApp, people: PersonFixture[]): Promise<string[]> {
  const block = Math.floor(Math.random() * 1e6) * 1000;
  const ids = people.map(() => randomUUID());
  await t.db.query(
    `INSERT INTO people (id, case_number, sex, status, rescued_at, departed_at, date_of_birth, compound_id, status_since)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                          $7::date[], $8::uuid[], $9::timestamptz[])`,
    [
      ids,
      people.map((_, i) => `1900-${String(block + i).padStart(10, '0')}`),
      people.map((p) => p.sex ?? 'female'),
      people.map((p) => p.status ?? (p.departedAt ? 'departed' : 'screening')),
      people.map((p) => p.rescuedAt ?? '2023-10-01T00:00:00Z'),
      people.map((p) => p.departedAt ?? null),
      people.map((p) => p.dateOfBirth ?? null),
      people.map((p) => p.compoundId ?? null),
      people.map((p) => p.statusSince ?? new Date().toISOString()),
    ],
  );
  const pairs = people.flatMap((p, i) => p.nationalities.map((code) => [ids[i], code]));
  await t.db.query(
    `INSERT INTO person_nationalities (person_id, nationality_code, person_created_at)
     SELECT u.id, u.code, p.created_at FROM unnest($1::uuid[], $2::text[]) AS u(id, code) JOIN people p ON p.id = u.id`,
    [pairs.map((x) => x[0]), pairs.map((x) => x[1])],
  );
  return ids;
}

/** Every text-like column of the schema where `needle` appears: a wiped value must be in none. */
export async function findEverywhere(t: TestApp, needle: string): Promise<string[]> {
  const columns = (await t.db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`,
  )) as { table_name: string; column_name: string }[];
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE '%' || $1 || '%'`,
      [needle],
    );
    if (n > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

/** What the person view of an erased record shows: every personal field wiped (DESIGN.md §5). */
export const ERASED_PERSONAL_FIELDS = {
  erased: true,
  givenName: null,
  familyName: null,
  nameNative: null,
  aliases: null,
  dateOfBirth: null,
  estimatedAge: null,
  languages: null,
  rescuePlace: null,
  vulnerabilities: null,
  documentNumber: null,
  narrative: null,
} as const;
