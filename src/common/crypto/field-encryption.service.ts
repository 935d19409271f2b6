import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import type { EncryptedField } from './encrypted-columns';
import { blindIndex, FieldCipher } from './field-cipher';

/** The configured keys, for every module that stores sensitive values. */
@Injectable()
export class FieldEncryption {
  private readonly cipher: FieldCipher;
  /** Its own key, derived from the blind-index key (HKDF), so no key serves two purposes. */
  private readonly recoveryCodeKey: Buffer;

  constructor(private readonly config: AppConfig) {
    this.cipher = new FieldCipher(config.encryption.keys, config.encryption.activeKeyId);
    this.recoveryCodeKey = Buffer.from(
      hkdfSync('sha256', config.encryption.blindIndexKey, '', 'safe-return:mfa-recovery-code', 32),
    );
  }

  get activeKeyId(): string {
    return this.cipher.activeKey;
  }

  /**
   * `field` names the column (see ENCRYPTED_COLUMNS) and `rowId` the row: together they are the
   * additional authenticated data, so the ciphertext opens only there.
   */
  seal(field: EncryptedField, rowId: string, value: string): string;
  seal(field: EncryptedField, rowId: string, value: string | null | undefined): string | null;
  seal(field: EncryptedField, rowId: string, value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.cipher.encrypt(value, `${field}:${rowId}`);
  }

  open(field: EncryptedField, rowId: string, ciphertext: string | null): string | null {
    return ciphertext === null ? null : this.cipher.decrypt(ciphertext, `${field}:${rowId}`);
  }

  /**
   * HMAC-SHA256 of a two-factor recovery code. The codes are random, about 55 bits each, so a slow
   * password hash would add no strength, while a keyed digest is found with one indexed lookup;
   * a stolen table without the key gives nothing to try codes against.
   */
  recoveryCodeDigest(code: string): string {
    return createHmac('sha256', this.recoveryCodeKey).update(code).digest('base64url');
  }

  blindIndex(documentNumber: string | null | undefined): string | null {
    return documentNumber ? blindIndex(this.config.encryption.blindIndexKey, documentNumber) : null;
  }
}
