import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { blindIndex, FieldCipher } from './field-cipher';

/** Where an encrypted value lives: part of the AAD, so a ciphertext only opens in its own place. */
export type SealedField =
  | 'people.document_number'
  | 'people.narrative'
  | 'consular_notifications.travel_document_number'
  | 'idempotency_keys.response_body';

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

  seal(field: SealedField, rowId: string, value: string): string;
  seal(field: SealedField, rowId: string, value: string | null | undefined): string | null;
  seal(field: SealedField, rowId: string, value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.cipher.encrypt(value, `${field}:${rowId}`);
  }

  open(field: SealedField, rowId: string, ciphertext: string | null): string | null {
    return ciphertext === null ? null : this.cipher.decrypt(ciphertext, `${field}:${rowId}`);
  }

  blindIndex(documentNumber: string | null | undefined): string | null {
    return documentNumber ? blindIndex(this.config.encryption.blindIndexKey, documentNumber) : null;
  }
}
