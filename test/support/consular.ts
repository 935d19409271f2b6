import type { Response } from 'supertest';
import { API, expectError, type SignedIn, type TestApp } from './app';
import { createPerson, forceStatus } from './people';

/** The minimal view's fields, exactly: anything more would be a leak to the embassy. */
export const CONSULAR_VIEW_KEYS = [
  'caseNumber',
  'dateOfBirth',
  'documentNumber',
  'estimatedAge',
  'familyName',
  'givenName',
  'id',
  'nameNative',
  'nationalities',
  'notification',
  'rescuedAt',
  'sex',
  'status',
  'version',
];

export interface CaseItem {
  id: string;
  status: string;
  version: number;
  nationalities: { code: string; verified: boolean }[];
  notification: {
    id: string;
    countryCode: string;
    acknowledgedAt: string | null;
    identityVerifiedAt: string | null;
    travelDocument: { type: string; number: string | null; expiresAt: string; issuedAt: string } | null;
  } | null;
  [field: string]: unknown;
}

/**
 * A person of these nationalities, with or without consent to consular notification, in `status`
 * (presumed_victim by default, the first state a notification is allowed from).
 */
export async function personOf(
  t: TestApp,
  staff: SignedIn,
  codes: string[],
  opts: { consent?: boolean; status?: string; extra?: Record<string, unknown> } = {},
): Promise<{ id: string; familyName: string }> {
  const p = await createPerson(t, staff, {
    nationalities: codes.map((code) => ({ code })),
    consents: { consularNotification: opts.consent ?? true },
    ...opts.extra,
  });
  await forceStatus(t, p.id, opts.status ?? 'presumed_victim');
  return { id: p.id, familyName: p.familyName };
}

/** Records a notification over HTTP and insists it was accepted. */
export async function notify(
  t: TestApp,
  staff: SignedIn,
  personId: string,
  countryCode: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; personVersion: number }> {
  const res = await t
    .http()
    .post(`${API}/people/${personId}/consular-notifications`)
    .set(staff.auth)
    .send({ countryCode, channel: 'email', notifiedAt: new Date().toISOString(), ...extra });
  if (res.status !== 201) throw new Error(`notification failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every case the officer's list shows, page by page (the database is shared with other specs). */
export async function allCases(t: TestApp, officer: SignedIn, query = ''): Promise<CaseItem[]> {
  const items: CaseItem[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await t
      .http()
      .get(`${API}/consular/cases?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`)
      .set(officer.auth);
    expect(res.status).toBe(200);
    items.push(...(res.body.items as CaseItem[]));
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** A valid body for each embassy action, so that only the scope can refuse it. */
export const ACTIONS = [
  ['acknowledge', { note: 'Received by the consular section' }],
  ['identity-verification', { verified: true }],
  ['travel-document', { type: 'emergency_travel_document', number: 'ETD0001', expiresAt: '2099-12-31' }],
] as const;

/** GET and every action on this case answer 404 NOT_FOUND to the officer. */
export async function expectHiddenEverywhere(t: TestApp, officer: SignedIn, id: string): Promise<void> {
  expectError(await t.http().get(`${API}/consular/cases/${id}`).set(officer.auth), 404, 'NOT_FOUND');
  for (const [action, body] of ACTIONS) {
    const res = await t.http().post(`${API}/consular/cases/${id}/${action}`).set(officer.auth).send(body);
    expect({ action, status: res.status, code: res.body.code }).toEqual({
      action,
      status: 404,
      code: 'NOT_FOUND',
    });
  }
}

/** Rows of any text-like column of any table that contain `needle`, as `table.column`. */
export async function findEverywhere(t: TestApp, needle: string): Promise<string[]> {
  const columns = (await t.db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`,
  )) as { table_name: string; column_name: string }[];
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE '%' || $1 || '%'`,
      [needle],
    )) as { n: number }[];
    if (n > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}
