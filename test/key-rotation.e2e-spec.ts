import { ENCRYPTED_COLUMNS, type EncryptedField } from '../src/common/crypto/encrypted-columns';
import { FieldEncryption } from '../src/common/crypto/field-encryption.service';
import { KeyRotation } from '../src/common/crypto/key-rotation.service';
import { createTestApp, createUser, loginAs, TestApp } from './support/app';
import { createPerson } from './support/people';

const onlyNewKey = {
  ENCRYPTION_KEYS: `t2:${Buffer.alloc(32, 2).toString('base64')}`,
  ENCRYPTION_ACTIVE_KEY_ID: 't2',
};

describe('Key rotation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('knows every encrypted column of the schema, and each one it knows exists', async () => {
    const columns = (await t.db.query(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%\\_enc'`,
    )) as { name: string }[];
    const listed = Object.values(ENCRYPTED_COLUMNS).map((c) => `${c.table}.${c.column}`);
    expect(columns.map((c) => c.name).filter((name) => !listed.includes(name))).toEqual([]);

    const existing = (await t.db.query(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public'`,
    )) as { name: string }[];
    const names = new Set(existing.map((c) => c.name));
    expect(listed.filter((name) => !names.has(name))).toEqual([]);
  });

  it('re-encrypts travel-document numbers and MFA secrets too, readable with the new key alone', async () => {
    const cw = await loginAs(t, 'caseworker');
    const person = await createPerson(t, cw);
    const user = await createUser(t, 'consular', ['THA']);
    const old = t.app.get(FieldEncryption);
    const [{ id: notificationId }] = (await t.db.query(
      `INSERT INTO consular_notifications (person_id, country_code, channel, notified_at)
       VALUES ($1, 'THA', 'email', now()) RETURNING id`,
      [person.id],
    )) as { id: string }[];
    const sealedUnderOldKey: [EncryptedField, string, string, string][] = [
      [
        'consular_notifications.travel_document_number',
        'consular_notifications',
        'travel_document_number_enc',
        notificationId,
      ],
      ['users.mfa_secret', 'users', 'mfa_secret_enc', user.id],
    ];
    for (const [field, table, column, id] of sealedUnderOldKey) {
      await t.db.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [
        id,
        old.seal(field, id, `secret of ${id}`),
      ]);
    }

    const rotating = await createTestApp({ ENCRYPTION_ACTIVE_KEY_ID: 't2' });
    try {
      await rotating.app.get(KeyRotation).rotate(3);
    } finally {
      await rotating.close();
    }

    const reader = await createTestApp(onlyNewKey);
    try {
      const encryption = reader.app.get(FieldEncryption);
      for (const [field, table, column, id] of sealedUnderOldKey) {
        const [row] = (await t.db.query(`SELECT ${column} AS value FROM ${table} WHERE id = $1`, [id])) as {
          value: string;
        }[];
        expect({ field, key: row.value.split('.')[1] }).toEqual({ field, key: 't2' });
        expect(encryption.open(field, id, row.value)).toBe(`secret of ${id}`);
      }
    } finally {
      await reader.close();
    }
  });
});
