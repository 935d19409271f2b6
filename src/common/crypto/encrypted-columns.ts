/**
 * An encrypted column re-encrypted in place by key rotation: the row's `idColumn` is part of the
 * additional authenticated data (a uuid), so the value is opened and sealed again for the same row.
 */
interface ResealedColumn {
  table: string;
  column: string;
  idColumn: string;
  rotation: 'reseal';
}

/** An encrypted column whose values are dropped by key rotation instead of re-encrypted. */
interface DroppedColumn {
  table: string;
  column: string;
  /** SQL giving the ciphertext (`v1.<keyId>...`) of a row, to tell which key sealed it. */
  ciphertextSql: string;
  rotation: 'drop';
}

/**
 * Every encrypted value in the database, in one place. The name (the key) is what
 * `FieldEncryption.seal/open` take and is part of each ciphertext's additional authenticated data,
 * so a value opens only in its own column: never rename an entry, or stored values stop decrypting.
 * Key rotation walks this list, so a column missing here would stay under an old key for ever
 * (test/key-rotation.e2e-spec.ts checks that every `*_enc` column of the schema is listed).
 */
export const ENCRYPTED_COLUMNS = {
  'people.document_number': {
    table: 'people',
    column: 'document_number_enc',
    idColumn: 'id',
    rotation: 'reseal',
  },
  'people.narrative': { table: 'people', column: 'narrative_enc', idColumn: 'id', rotation: 'reseal' },
  'consular_notifications.travel_document_number': {
    table: 'consular_notifications',
    column: 'travel_document_number_enc',
    idColumn: 'id',
    rotation: 'reseal',
  },
  'users.mfa_secret': { table: 'users', column: 'mfa_secret_enc', idColumn: 'id', rotation: 'reseal' },
  // Stored idempotent answers live 24 h and are sealed for the key's scope, not a row id: dropping
  // those under an old key is simpler than re-keying them, and only means a retried request is
  // processed as new.
  'idempotency_keys.response_body': {
    table: 'idempotency_keys',
    column: 'response_body',
    ciphertextSql: `response_body->>'sealed'`,
    rotation: 'drop',
  },
} as const satisfies Record<string, ResealedColumn | DroppedColumn>;

/** The name of an encrypted value, e.g. `people.narrative`. */
export type EncryptedField = keyof typeof ENCRYPTED_COLUMNS;
