import { API, type SignedIn, type TestApp } from './app';
import { createPerson, forceStatus } from './people';

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
