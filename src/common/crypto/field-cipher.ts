import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for sensitive fields. A ciphertext reads `v1.<keyId>.<iv>.<tag>.<data>` (base64url), so
 * any configured key can decrypt it and rotation can find what is still under an old key.
 * The additional authenticated data binds a ciphertext to its row and column: copied into another
 * record or field, it fails to decrypt instead of showing someone else's data.
 */
export class FieldCipher {
  constructor(
    private readonly keys: Record<string, Buffer>,
    private readonly activeKeyId: string,
  ) {
    if (!keys[activeKeyId]) throw new Error(`no encryption key with id ${activeKeyId}`);
  }

  get activeKey(): string {
    return this.activeKeyId;
  }

  encrypt(plaintext: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[this.activeKeyId], iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      'v1',
      this.activeKeyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  decrypt(ciphertext: string, aad: string): string {
    const [version, keyId, iv, tag, data] = ciphertext.split('.');
    const key = this.keys[keyId];
    if (version !== 'v1' || !key || !iv || !tag || data === undefined) {
      throw new Error(`cannot decrypt: unknown format or key id ${JSON.stringify(keyId)}`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  static keyIdOf(ciphertext: string): string {
    return ciphertext.split('.')[1];
  }
}

/** Document numbers are compared without spaces, dashes or case: "ab 123-456" = "AB123456". */
export function normaliseDocumentNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\-./]/g, '')
    .toUpperCase();
}

/** HMAC-SHA256 blind index: exact-match lookup of a document number without storing it readable. */
export function blindIndex(key: Buffer, documentNumber: string): string {
  return createHmac('sha256', key).update(normaliseDocumentNumber(documentNumber)).digest('base64url');
}
