import { FieldEncryption } from '../src/common/crypto/field-encryption.service';
import { API, createTestApp, expectError, loginAs, type SignedIn, type TestApp } from './support/app';
import { CONSULAR_VIEW_KEYS, findEverywhere, notify, personOf } from './support/consular';
import { forceStatus } from './support/people';

/** The embassy's three actions: acknowledge, verify identity, issue a travel document. */
describe('Consular actions (the embassy)', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  let tha: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
    tha = await loginAs(t, 'consular', ['THA']);
  });
  afterAll(() => t.close());

  const act = (id: string, action: string, body: Record<string, unknown>, user = tha) =>
    t.http().post(`${API}/consular/cases/${id}/${action}`).set(user.auth).send(body);
  const staffRead = (id: string) => t.http().get(`${API}/people/${id}`).set(cw.auth);
  const notifications = async (id: string) =>
    (await t.http().get(`${API}/people/${id}/consular-notifications`).set(cw.auth)).body.items;

  /** A consenting Thai national whose embassy was notified (consular_notified). */
  async function notifiedThai(): Promise<{ id: string; notificationId: string; version: number }> {
    const p = await personOf(t, cw, ['THA'], { extra: { documentNumber: 'AA1234567' } });
    const n = await notify(t, cw, p.id, 'THA');
    return { id: p.id, notificationId: n.id, version: n.personVersion };
  }

  it('acknowledges: 200 minimal view, the notification stamped, a history event, a new version', async () => {
    const p = await notifiedThai();
    const res = await act(p.id, 'acknowledge', { note: 'Received, officer assigned' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(CONSULAR_VIEW_KEYS);
    expect(res.body).toMatchObject({
      id: p.id,
      status: 'consular_notified',
      version: p.version + 1,
      documentNumber: 'AA1234567',
      notification: { id: p.notificationId, acknowledgedAt: expect.any(String), identityVerifiedAt: null },
    });
    const [n] = await notifications(p.id);
    expect(n).toMatchObject({ acknowledgedBy: tha.id, acknowledgementNote: 'Received, officer assigned' });
    const history = await t.http().get(`${API}/people/${p.id}/history`).set(cw.auth);
    expect(history.body.items[0]).toMatchObject({
      kind: 'event',
      actorId: tha.id,
      event: { type: 'consular_acknowledgement', id: p.notificationId },
    });
  });

  it('keeps the first acknowledgement’s time when acknowledged again', async () => {
    const p = await notifiedThai();
    const first = await act(p.id, 'acknowledge', {});
    const again = await act(p.id, 'acknowledge', { note: 'Reminder received' });
    expect(again.status).toBe(200);
    expect(again.body.notification.acknowledgedAt).toBe(first.body.notification.acknowledgedAt);
    expect(again.body.version).toBe(first.body.version + 1);
  });

  it('refuses to acknowledge without a notification to the embassy: 422 NOT_NOTIFIED', async () => {
    const p = await personOf(t, cw, ['THA']);
    expectError(await act(p.id, 'acknowledge', {}), 422, 'NOT_NOTIFIED');
    const dual = await personOf(t, cw, ['THA', 'MMR']);
    await notify(t, cw, dual.id, 'MMR');
    expectError(await act(dual.id, 'acknowledge', {}), 422, 'NOT_NOTIFIED');
  });

  it('verifies identity: identity_verified through the embassy, on its own notification', async () => {
    const p = await notifiedThai();
    const res = await act(p.id, 'identity-verification', { verified: true, note: 'Interviewed in Mae Sot' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'identity_verified',
      version: p.version + 1,
      notification: { id: p.notificationId, identityVerifiedAt: expect.any(String) },
    });
    expect((await staffRead(p.id)).body).toMatchObject({
      status: 'identity_verified',
      version: p.version + 1,
      nationalities: [{ code: 'THA', verified: true }],
    });
    const [n] = await notifications(p.id);
    expect(n).toMatchObject({
      identityVerifiedBy: tha.id,
      identityVerificationNote: 'Interviewed in Mae Sot',
    });
    const log = await t.http().get(`${API}/people/${p.id}/access-log`).set(admin.auth);
    const byOfficer = log.body.items.filter((e: { actorId: string }) => e.actorId === tha.id);
    expect(byOfficer.map((e: { action: string }) => e.action)).toEqual([
      'consular.verify_identity',
      'person.transition',
    ]);
  });

  it("a dual national's identity verified by one embassy verifies that nationality only", async () => {
    const dual = await personOf(t, cw, ['THA', 'MMR']);
    await notify(t, cw, dual.id, 'THA');
    expect((await act(dual.id, 'identity-verification', { verified: true })).status).toBe(200);
    expect((await staffRead(dual.id)).body.nationalities).toEqual([
      { code: 'MMR', verified: false },
      { code: 'THA', verified: true },
    ]);
  });

  it.each([
    ['false', { verified: false }],
    ['missing', {}],
    ['a string', { verified: 'true' }],
  ])('refuses verified %s with 400', async (_what, body) => {
    const p = await notifiedThai();
    expectError(await act(p.id, 'identity-verification', body), 400, 'VALIDATION_FAILED');
    expect((await staffRead(p.id)).body.status).toBe('consular_notified');
  });

  it.each(['presumed_victim', 'identity_verified', 'documents_issued', 'departed', 'on_hold'])(
    'refuses to verify a case in %s: 422 INVALID_TRANSITION, nothing written',
    async (status) => {
      const p = await notifiedThai();
      await forceStatus(t, p.id, status, 'consular_notified');
      expectError(await act(p.id, 'identity-verification', { verified: true }), 422, 'INVALID_TRANSITION');
      expect((await staffRead(p.id)).body.status).toBe(status);
      expect((await notifications(p.id))[0].identityVerifiedAt).toBeNull();
    },
  );

  it('issues a travel document: documents_issued, the number shown to the embassy and to staff', async () => {
    const p = await notifiedThai();
    await act(p.id, 'identity-verification', { verified: true });
    const res = await act(p.id, 'travel-document', {
      type: 'certificate_of_identity',
      number: 'CI 7788991',
      expiresAt: '2099-01-31',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'documents_issued',
      version: p.version + 2,
      notification: {
        travelDocument: {
          type: 'certificate_of_identity',
          number: 'CI 7788991',
          expiresAt: '2099-01-31',
          issuedAt: expect.any(String),
        },
      },
    });
    const [n] = await notifications(p.id);
    expect(n.travelDocument).toMatchObject({ number: 'CI 7788991', expiresAt: '2099-01-31' });
  });

  it('refuses a travel document before identity is verified: 422 INVALID_TRANSITION', async () => {
    const p = await notifiedThai();
    expectError(
      await act(p.id, 'travel-document', { type: 'passport', number: 'P1', expiresAt: '2099-01-01' }),
      422,
      'INVALID_TRANSITION',
    );
  });

  it.each([
    ['an unknown type', { type: 'visa', number: 'X1', expiresAt: '2099-01-01' }, 'type'],
    ['an expired document', { type: 'passport', number: 'X1', expiresAt: '2020-01-01' }, 'expiresAt'],
    ['an impossible date', { type: 'passport', number: 'X1', expiresAt: '2099-02-30' }, 'expiresAt'],
    [
      'a timestamp for a date',
      { type: 'passport', number: 'X1', expiresAt: '2099-01-01T00:00:00Z' },
      'expiresAt',
    ],
    ['no number', { type: 'passport', expiresAt: '2099-01-01' }, 'number'],
    ['a number too long', { type: 'passport', number: 'X'.repeat(51), expiresAt: '2099-01-01' }, 'number'],
  ])('refuses %s with 400', async (_what, body, field) => {
    const p = await notifiedThai();
    await act(p.id, 'identity-verification', { verified: true });
    const res = await act(p.id, 'travel-document', body);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect([...new Set(res.body.details.map((d: { field: string }) => d.field))]).toEqual([field]);
  });

  it('accepts a document expiring today', async () => {
    const p = await notifiedThai();
    await act(p.id, 'identity-verification', { verified: true });
    const today = new Date().toISOString().slice(0, 10);
    const res = await act(p.id, 'travel-document', { type: 'passport', number: 'P-TODAY', expiresAt: today });
    expect(res.status).toBe(200);
  });

  describe('the travel-document number at rest', () => {
    const number = 'ETD-55501234';
    let p: { id: string; notificationId: string };
    beforeAll(async () => {
      p = await notifiedThai();
      await act(p.id, 'identity-verification', { verified: true, note: 'Verifynote' });
      await act(p.id, 'acknowledge', { note: 'Acknowledgenote' });
      const res = await act(p.id, 'travel-document', {
        type: 'emergency_travel_document',
        number,
        expiresAt: '2099-06-30',
      });
      expect(res.status).toBe(200);
    });

    it('is nowhere in the database in clear, and its row holds a ciphertext', async () => {
      const [row] = await t.db.query('SELECT * FROM consular_notifications WHERE id = $1', [
        p.notificationId,
      ]);
      expect(JSON.stringify(row)).not.toContain('55501234');
      expect(row.travel_document_number_enc).toMatch(/^v1\./);
      expect(await findEverywhere(t, '55501234')).toEqual([]);
    });

    it('is found by blind-index equality, whatever its spacing and case', async () => {
      const bidx = t.app.get(FieldEncryption).blindIndex('etd 55501234');
      const rows = await t.db.query(
        'SELECT id FROM consular_notifications WHERE travel_document_number_bidx = $1',
        [bidx],
      );
      expect(rows).toEqual([{ id: p.notificationId }]);
    });

    it('is wiped by erasure, with the notes; the dates stay', async () => {
      expect((await t.http().delete(`${API}/people/${p.id}`).set(admin.auth)).status).toBe(204);
      const [row] = await t.db.query('SELECT * FROM consular_notifications WHERE id = $1', [
        p.notificationId,
      ]);
      expect(row).toMatchObject({
        travel_document_number_enc: null,
        travel_document_number_bidx: null,
        acknowledgement_note: null,
        identity_verification_note: null,
        travel_document_type: 'emergency_travel_document',
      });
      expect(row.identity_verified_at).toBeInstanceOf(Date);
      expect(await findEverywhere(t, 'Verifynote')).toEqual([]);
      expect(await findEverywhere(t, 'Acknowledgenote')).toEqual([]);
      const [n] = await notifications(p.id);
      expect(n).toMatchObject({ travelDocument: { number: null }, acknowledgementNote: null });
      expectError(await t.http().get(`${API}/consular/cases/${p.id}`).set(tha.auth), 404, 'NOT_FOUND');
    });
  });

  it('keeps free text and numbers out of the audit log', async () => {
    const p = await notifiedThai();
    await act(p.id, 'acknowledge', { note: 'Auditnote-ack' });
    await act(p.id, 'identity-verification', { verified: true, note: 'Auditnote-verify' });
    await act(p.id, 'travel-document', { type: 'passport', number: 'AUD-998877', expiresAt: '2099-01-01' });
    const entries = await t.db.query(
      'SELECT action, details::text AS d FROM audit_entries WHERE entity_id = $1',
      [p.id],
    );
    const text = entries.map((e: { d: string }) => e.d).join(' ');
    for (const secret of ['Auditnote', '998877', 'AA1234567']) expect(text).not.toContain(secret);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'consular.acknowledge',
        'consular.verify_identity',
        'consular.issue_travel_document',
      ]),
    );
    const verify = await t.http().get(`${API}/audit/verify`).set(admin.auth);
    expect(verify.body).toMatchObject({ valid: true });
  });
});
