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
