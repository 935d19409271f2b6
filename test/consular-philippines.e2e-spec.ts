import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { allCases, expectHiddenEverywhere, notify, personOf } from './support/consular';

/**
 * The Laukkaing handover's Filipinos, end to end: among a mixed group the Philippine embassy sees the
 * six who asked for it, and no one else; it acknowledges, verifies each and records their documents.
 */
describe('The Philippine embassy and its six nationals', () => {
  let t: TestApp;
  let cw: SignedIn;
  let phl: SignedIn;
  let six: string[];
  let others: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    phl = await loginAs(t, 'consular', ['PHL']);
    const contact = await t.http().post(`${API}/consular/contacts`).set(cw.auth).send({
      countryCode: 'PHL',
      mission: 'Embassy of the Philippines, Bangkok',
      name: 'Assistance-to-Nationals officer',
    });
    six = [];
    for (let i = 0; i < 6; i++) {
      const codes = i === 5 ? ['PHL', 'CHN'] : ['PHL'];
      const p = await personOf(t, cw, codes, { extra: { documentNumber: `P${1000000 + i}A` } });
      await notify(t, cw, p.id, 'PHL', { contactId: contact.body.id, notifiedAt: '2023-11-12T09:00:00Z' });
      six.push(p.id);
    }
    others = {
      filipinoWithoutConsent: (await personOf(t, cw, ['PHL'], { consent: false })).id,
      filipinoWithClaim: (await personOf(t, cw, ['PHL'], { status: 'protection_claim' })).id,
      thai: (await personOf(t, cw, ['THA'])).id,
      singaporean: (await personOf(t, cw, ['SGP'])).id,
      chinese: (await personOf(t, cw, ['CHN'])).id,
    };
    await notify(t, cw, others.thai, 'THA');
  });
  afterAll(() => t.close());

  const ofTheGroup = (ids: string[]) =>
    ids.filter((id) => six.includes(id) || Object.values(others).includes(id)).sort();

  it('sees exactly the six consenting Filipinos of the group, each notified to the Philippines', async () => {
    const items = await allCases(t, phl);
    expect(ofTheGroup(items.map((i) => i.id))).toEqual([...six].sort());
    for (const item of items.filter((i) => six.includes(i.id))) {
      expect(item.nationalities.map((n) => n.code)).toEqual(['PHL']);
      expect(item.notification).toMatchObject({ countryCode: 'PHL', notifiedAt: '2023-11-12T09:00:00.000Z' });
      expect(item.status).toBe('consular_notified');
    }
  });

  it('sees none of the others, on any route', async () => {
    for (const id of Object.values(others)) await expectHiddenEverywhere(t, phl, id);
  });

  it('acknowledges, verifies each of the six and records their documents', async () => {
    for (const [i, id] of six.entries()) {
      const act = (action: string, body: Record<string, unknown>) =>
        t.http().post(`${API}/consular/cases/${id}/${action}`).set(phl.auth).send(body);
      expect((await act('acknowledge', { note: 'Received via the ATN desk' })).status).toBe(200);
      const verified = await act('identity-verification', { verified: true });
      expect(verified.body.status).toBe('identity_verified');
      const issued = await act('travel-document', {
        type: 'emergency_travel_document',
        number: `ETD-PH-${i}`,
        expiresAt: '2099-12-31',
      });
      expect(issued.status).toBe(200);
      expect(issued.body).toMatchObject({
        status: 'documents_issued',
        notification: { travelDocument: { type: 'emergency_travel_document', number: `ETD-PH-${i}` } },
      });
    }
    const items = await allCases(t, phl, '&status=documents_issued');
    expect(ofTheGroup(items.map((i) => i.id))).toEqual([...six].sort());
    for (const item of items.filter((i) => six.includes(i.id))) {
      expect(item.notification).toMatchObject({
        acknowledgedAt: expect.any(String),
        identityVerifiedAt: expect.any(String),
      });
    }
  });

  it('cannot verify a case twice: 422 INVALID_TRANSITION once documents are issued', async () => {
    expectError(
      await t
        .http()
        .post(`${API}/consular/cases/${six[0]}/identity-verification`)
        .set(phl.auth)
        .send({ verified: true }),
      422,
      'INVALID_TRANSITION',
    );
  });
});
