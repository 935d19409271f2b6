import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { EncryptedField } from './encrypted-columns';
import { blindIndex, FieldCipher } from './field-cipher';

/** The configured keys, for every module that stores sensitive values. */
@Injectable()
export class FieldEncryption {
  private readonly cipher: FieldCipher;

  constructor(private readonly config: AppConfig) {
    this.cipher = new FieldCipher(config.encryption.keys, config.encryption.activeKeyId);
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

  blindIndex(documentNumber: string | null | undefined): string | null {
    return documentNumber ? blindIndex(this.config.encryption.blindIndexKey, documentNumber) : null;
  }
}
