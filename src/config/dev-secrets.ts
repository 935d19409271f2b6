import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  JWT_SECRET: string;
  ENCRYPTION_KEYS: string;
  ENCRYPTION_ACTIVE_KEY_ID: string;
  BLIND_INDEX_KEY: string;
}

/**
 * Outside production, secrets that were not supplied are generated once and kept in
 * `<dataDir>/dev-secrets.json` (mode 600), so data encrypted in one run stays readable in the next.
 * Returns the secrets and whether they were created just now, so the caller can log it.
 */
export function loadOrCreateDevSecrets(dataDir: string): {
  secrets: DevSecrets;
  created: boolean;
  path: string;
} {
  const path = join(dataDir, 'dev-secrets.json');
  if (existsSync(path)) {
    return { secrets: JSON.parse(readFileSync(path, 'utf8')) as DevSecrets, created: false, path };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ENCRYPTION_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    ENCRYPTION_ACTIVE_KEY_ID: 'dev1',
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(path, 0o600);
  return { secrets, created: true, path };
}
