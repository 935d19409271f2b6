import { KeyRotation } from '../src/common/crypto/key-rotation.service';
import { API, createTestApp, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, ERASED_PERSONAL_FIELDS, findEverywhere, forceStatus } from './support/people';

describe('Privacy of people records', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  describe('encryption at rest', () => {
    it('keeps the document number and narrative out of the table in clear, but readable through the API', async () => {
      const p = await createPerson(t, cw, {
        documentNumber: 'AB 1234567',
        narrative: 'Held at compound 9, debt bondage',
      });
      const [raw] = await t.db.query('SELECT * FROM people WHERE id = $1', [p.id]);
      const rawText = JSON.stringify(raw);
      expect(rawText).not.toContain('1234567');
      expect(rawText).not.toContain('debt bondage');
      expect(raw.document_number_enc).toMatch(/^v1\.t1\./);
      expect(raw.narrative_enc).toMatch(/^v1\.t1\./);
      expect(await findEverywhere(t, 'debt bondage')).toEqual([]);
      const read = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
      expect(read.body).toMatchObject({
        documentNumber: 'AB 1234567',
        narrative: 'Held at compound 9, debt bondage',
      });
    });

    it('does not show the document number or narrative in lists', async () => {
      const p = await createPerson(t, cw, { documentNumber: 'LIST555', narrative: 'list narrative' });
      const res = await t.http().get(`${API}/people?q=${p.familyName}`).set(cw.auth);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].documentNumber).toBeUndefined();
      expect(res.body.items[0].narrative).toBeUndefined();
    });

    it('rotates keys: every record re-encrypted under the new key and still readable, old key removable', async () => {
      const p = await createPerson(t, cw, { documentNumber: 'ROT998877', narrative: 'rotation narrative' });
      const rotated = await createTestApp({ ENCRYPTION_ACTIVE_KEY_ID: 't2' });
      try {
        const results = await rotated.app.get(KeyRotation).rotate(7);
        expect(results.find((r) => r.column === 'people.narrative_enc')!.rewritten).toBeGreaterThan(0);
      } finally {
        await rotated.close();
      }
      const left = await t.db.query(
        `SELECT count(*)::int AS n FROM people WHERE split_part(document_number_enc, '.', 2) = 't1'
            OR split_part(narrative_enc, '.', 2) = 't1'`,
      );
      expect(left[0].n).toBe(0);

      // An app that no longer has the old key at all still reads everything.
      const onlyNewKey = await createTestApp({
        ENCRYPTION_KEYS: `t2:${Buffer.alloc(32, 2).toString('base64')}`,
        ENCRYPTION_ACTIVE_KEY_ID: 't2',
      });
      try {
        const reader = await loginAs(onlyNewKey, 'caseworker');
        const read = await onlyNewKey.http().get(`${API}/people/${p.id}`).set(reader.auth);
        expect(read.body).toMatchObject({ documentNumber: 'ROT998877', narrative: 'rotation narrative' });
        const dup = await onlyNewKey
          .http()
          .get(`${API}/people/duplicates?documentNumber=rot-998877`)
          .set(reader.auth);
        expect(dup.body.items[0].person.id).toBe(p.id);
      } finally {
        await onlyNewKey.close();
      }
    });
  });

  describe('audit of reads and changes', () => {
    it('audits create, read, list, edit and transition in the chain, with field names only', async () => {
      const p = await createPerson(t, cw, { givenName: 'Auditname', documentNumber: 'AUD4411' });
      await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
      await t.http().get(`${API}/people?q=${p.familyName}`).set(cw.auth);
      const patched = await t
        .http()
        .patch(`${API}/people/${p.id}`)
        .set(cw.auth)
        .set('If-Match', '"1"')
        .send({ rescuePlace: 'Secret place' });
      await t
        .http()
        .post(`${API}/people/${p.id}/transitions`)
        .set(cw.auth)
        .set('If-Match', `"${patched.body.version}"`)
        .send({ to: 'screening', note: 'private note' });

      const log = await t.http().get(`${API}/people/${p.id}/access-log`).set(admin.auth);
      const actions = log.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual([
        'person.transition',
        'person.update',
        'person.list',
        'person.read',
        'person.create',
      ]);
      expect(log.body.items.every((e: { actorId: string }) => e.actorId === cw.id)).toBe(true);

      const entries = await t.db.query(`SELECT details::text AS d FROM audit_entries WHERE entity_id = $1`, [
        p.id,
      ]);
      const text = entries.map((e: { d: string }) => e.d).join(' ');
      for (const secret of ['Auditname', 'AUD4411', 'Secret place', 'private note', p.familyName]) {
        expect(text).not.toContain(secret);
      }
      expect(text).toContain('rescuePlace');

      const verify = await t.http().get(`${API}/audit/verify`).set(admin.auth);
      expect(verify.body).toMatchObject({ valid: true });
    });

    it('writes the read and its audit entry together: a person read shows in the access log at once', async () => {
      const p = await createPerson(t, cw);
      const before = await t.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1`, [
        p.id,
      ]);
      await t.http().get(`${API}/people/${p.id}`).set(admin.auth);
      const after = await t.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1`, [
        p.id,
      ]);
      expect(after[0].n).toBe(before[0].n + 1);
    });
  });

  describe('erasure', () => {
    it('leaves no personal value anywhere in the database, keeps what the aggregates need', async () => {
      const secrets = {
        givenName: 'Erasegiven',
        familyName: 'Erasefamily',
        nameNative: 'ลบข้อมูลทดสอบ',
        aliases: ['Erasealias'],
        dateOfBirth: '1991-07-23',
        languages: ['th', 'lo'],
        rescuePlace: 'Eraseplace',
        vulnerabilities: ['pregnant'],
        documentNumber: 'ERASE12345',
        narrative: 'Erasenarrative',
        recruitedVia: 'telegram',
      };
      const p = await createPerson(t, cw, {
        ...secrets,
        nationalities: [{ code: 'THA' }, { code: 'LAO' }],
        sex: 'female',
      });
      await t.http().post(`${API}/people/${p.id}/consents`).set(cw.auth).send({
        type: 'research',
        granted: true,
        note: 'Eraseconsentnote',
      });
      const version = await forceStatus(t, p.id, 'screening');
      await t
        .http()
        .post(`${API}/people/${p.id}/transitions`)
        .set(cw.auth)
        .set('If-Match', `"${version}"`)
        .send({ to: 'on_hold', reason: 'Erasereason', note: 'Erasehistorynote' });
      await t
        .http()
        .post(`${API}/people`)
        .set(cw.auth)
        .set('Idempotency-Key', 'erase-idem')
        .send({
          givenName: 'Eraseother',
          sex: 'male',
          nationalities: [{ code: 'THA' }],
          rescuedAt: '2023-01-01T00:00:00Z',
        });
      await t.db.query(
        `UPDATE idempotency_keys SET response_body = jsonb_set(response_body, '{resourceId}', to_jsonb($1::text))
          WHERE key = 'erase-idem'`,
        [p.id],
      );

      const res = await t.http().delete(`${API}/people/${p.id}`).set(admin.auth);
      expect(res.status).toBe(204);

      for (const value of [
        'Erasegiven',
        'Erasefamily',
        'ลบข้อมูลทดสอบ',
        'Erasealias',
        'Eraseplace',
        'ERASE12345',
        'Erasenarrative',
        'Eraseconsentnote',
        'Erasereason',
        'Erasehistorynote',
      ]) {
        expect({ value, foundIn: await findEverywhere(t, value) }).toEqual({ value, foundIn: [] });
      }
      const [row] = await t.db.query(
        `SELECT date_of_birth, estimated_age, languages, vulnerabilities, document_number_enc, document_number_bidx,
                narrative_enc, name_key, age_band_at_erasure, sex, recruited_via, status, erased_at
           FROM people WHERE id = $1`,
        [p.id],
      );
      expect(row).toMatchObject({
        date_of_birth: null,
        estimated_age: null,
        languages: [],
        vulnerabilities: [],
        document_number_enc: null,
        document_number_bidx: null,
        narrative_enc: null,
        name_key: null,
        age_band_at_erasure: '35-44', // born 1991: 35 in 2026
        sex: 'female',
        recruited_via: 'telegram',
        status: 'on_hold',
      });
      // The key stays (a replay must find it and answer 410), its stored answer does not.
      expect(await t.db.query(`SELECT response_body FROM idempotency_keys WHERE key = 'erase-idem'`)).toEqual(
        [{ response_body: { resourceId: p.id, erased: true } }],
      );
      const nationalities = await t.db.query(
        'SELECT nationality_code::text AS c FROM person_nationalities WHERE person_id = $1 ORDER BY 1',
        [p.id],
      );
      expect(nationalities).toEqual([{ c: 'LAO' }, { c: 'THA' }]);
    });

    it('shows the erased record with every personal field null, matching no search, audited by id only', async () => {
      const p = await createPerson(t, cw, {
        givenName: 'Gonegiven',
        familyName: 'Gonefamily',
        documentNumber: 'GONE1',
      });
      expect((await t.http().delete(`${API}/people/${p.id}`).set(admin.auth)).status).toBe(204);
      const read = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject(ERASED_PERSONAL_FIELDS);
      expect((await t.http().get(`${API}/people?q=Gonegiven`).set(cw.auth)).body.items).toEqual([]);
      const dup = await t
        .http()
        .get(`${API}/people/duplicates?givenName=Gonegiven&familyName=Gonefamily&documentNumber=GONE1`)
        .set(cw.auth);
      expect(dup.body.items.map((c: { person: { id: string } }) => c.person.id)).not.toContain(p.id);
      const [entry] = await t.db.query(
        `SELECT actor_id, entity_id, details FROM audit_entries WHERE action = 'person.erase' AND entity_id = $1`,
        [p.id],
      );
      expect(entry).toEqual({ actor_id: admin.id, entity_id: p.id, details: {} });
      const patch = await t
        .http()
        .patch(`${API}/people/${p.id}`)
        .set(cw.auth)
        .set('If-Match', `"${read.body.version}"`)
        .send({ givenName: 'Back' });
      expect(patch.status).toBe(422);
      expect(patch.body.code).toBe('PERSON_ERASED');
    });
  });
});
