import { randomBytes } from 'node:crypto';
import { blindIndex, FieldCipher, normaliseDocumentNumber } from './field-cipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('FieldCipher', () => {
  it('round-trips text in any script and tags the ciphertext with the key id', () => {
    const cipher = new FieldCipher({ k1 }, 'k1');
    const text = 'สมชาย ใจดี — ဦးထွန်း — 张伟 — Trần Đức Minh — 𠜎';
    const ct = cipher.encrypt(text, 'people.narrative:1');
    expect(ct.startsWith('v1.k1.')).toBe(true);
    expect(ct).not.toContain(text);
    expect(cipher.decrypt(ct, 'people.narrative:1')).toBe(text);
  });

  it('uses a fresh IV: the same text encrypts differently each time', () => {
    const cipher = new FieldCipher({ k1 }, 'k1');
    expect(cipher.encrypt('AA1234567', 'x')).not.toBe(cipher.encrypt('AA1234567', 'x'));
  });

  it('refuses a ciphertext moved to another record (AAD) or altered (GCM tag)', () => {
    const cipher = new FieldCipher({ k1 }, 'k1');
    const ct = cipher.encrypt('secret', 'people.narrative:1');
    expect(() => cipher.decrypt(ct, 'people.narrative:2')).toThrow();
    const parts = ct.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'people.narrative:1')).toThrow();
  });

  it('decrypts under an old key after rotation and encrypts under the active one', () => {
    const before = new FieldCipher({ k1 }, 'k1');
    const after = new FieldCipher({ k1, k2 }, 'k2');
    const old = before.encrypt('PX998877', 'a');
    expect(after.decrypt(old, 'a')).toBe('PX998877');
    expect(FieldCipher.keyIdOf(after.encrypt('PX998877', 'a'))).toBe('k2');
    expect(() => new FieldCipher({ k2 }, 'k2').decrypt(old, 'a')).toThrow(/key id/);
  });
});

describe('blindIndex', () => {
  it('matches the same document number however it is typed, and nothing else', () => {
    const key = randomBytes(32);
    expect(normaliseDocumentNumber(' aa 123-456 ')).toBe('AA123456');
    expect(blindIndex(key, 'aa 123-456')).toBe(blindIndex(key, 'AA123456'));
    expect(blindIndex(key, 'AA123457')).not.toBe(blindIndex(key, 'AA123456'));
    expect(blindIndex(randomBytes(32), 'AA123456')).not.toBe(blindIndex(key, 'AA123456'));
  });
});
