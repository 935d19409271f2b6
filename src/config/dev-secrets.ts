import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  JWT_SECRET: string;
  ENCRYPTION_KEYS: string;
  ENCRYPTION_ACTIVE_KEY_ID: string;
  BLIND_INDEX_KEY: string;
  /** Password of the app's login role on the embedded PostgreSQL (src/database/database-roles.ts). */
  EMBEDDED_DATABASE_APP_PASSWORD: string;
}

const generators: { [K in keyof DevSecrets]: () => string } = {
  JWT_SECRET: () => randomBytes(48).toString('base64url'),
  ENCRYPTION_KEYS: () => `dev1:${randomBytes(32).toString('base64')}`,
  ENCRYPTION_ACTIVE_KEY_ID: () => 'dev1',
  BLIND_INDEX_KEY: () => randomBytes(32).toString('base64'),
  EMBEDDED_DATABASE_APP_PASSWORD: () => randomBytes(24).toString('base64url'),
};

/**
 * Outside production, secrets that were not supplied are generated once and kept in
 * `<dataDir>/dev-secrets.json` (mode 600), so data encrypted in one run stays readable in the next.
 * A file written before a secret existed gets that one added, the others kept.
 * Returns the secrets and whether they were created just now, so the caller can log it.
 */
export function loadOrCreateDevSecrets(dataDir: string): {
  secrets: DevSecrets;
  created: boolean;
  path: string;
} {
  const path = join(dataDir, 'dev-secrets.json');
  const existed = existsSync(path);
  const kept = existed ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<DevSecrets>) : {};
  const missing = (Object.keys(generators) as (keyof DevSecrets)[]).filter((name) => !kept[name]);
  if (!missing.length) return { secrets: kept as DevSecrets, created: false, path };
  const secrets = { ...kept } as DevSecrets;
  for (const name of missing) secrets[name] = generators[name]();
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(path, 0o600);
  return { secrets, created: !existed, path };
}
