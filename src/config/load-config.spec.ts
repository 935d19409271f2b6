import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevSecrets } from './dev-secrets';
import { ConfigError, loadConfig, loadDatabaseLocation } from './load-config';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const secrets = {
  DATABASE_URL: 'postgres://u:p@db:5432/sr',
  JWT_SECRET: 'x'.repeat(40),
  ENCRYPTION_KEYS: `k1:${key(1)},k2:${key(2)}`,
  ENCRYPTION_ACTIVE_KEY_ID: 'k2',
  BLIND_INDEX_KEY: key(3),
};

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sr-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(Object.keys(secrets))('refuses to start in production without %s', (missing) => {
    const env: Record<string, string> = { NODE_ENV: 'production', DATA_DIR: dataDir, ...secrets };
    delete env[missing];
    expect(() => loadConfig(env)).toThrow(new RegExp(missing));
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
  });

  it('asks two-factor sign-in of admins, supervisors and consular officers in production, of nobody elsewhere', () => {
    const production = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, ...secrets });
    expect(production.auth.mfaRequiredRoles).toEqual(['admin', 'supervisor', 'consular']);
    expect(loadConfig({ ...secrets, DATA_DIR: dataDir }).auth.mfaRequiredRoles).toEqual([]);
    const listed = loadConfig({ ...secrets, DATA_DIR: dataDir, MFA_REQUIRED_ROLES: ' donor, admin,donor' });
    expect(listed.auth.mfaRequiredRoles).toEqual(['donor', 'admin']);
    expect(() => loadConfig({ ...secrets, DATA_DIR: dataDir, MFA_REQUIRED_ROLES: 'admin,boss' })).toThrow(
      /MFA_REQUIRED_ROLES/,
    );
  });

  it('starts in production with every secret given', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, ...secrets });
    expect(config.encryption.activeKeyId).toBe('k2');
    expect(Object.keys(config.encryption.keys)).toEqual(['k1', 'k2']);
    expect(config.databaseUrl).toBe(secrets.DATABASE_URL);
  });

  it('generates development secrets once, private to the owner, and reuses them', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'dev-secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.auth.jwtSecret).toBe(first.auth.jwtSecret);
    expect(second.encryption.blindIndexKey.equals(first.encryption.blindIndexKey)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).ENCRYPTION_ACTIVE_KEY_ID).toBe(
      first.encryption.activeKeyId,
    );
  });

  it('adds a secret introduced later to an older secrets file and keeps the others', () => {
    const file = join(dataDir, 'dev-secrets.json');
    const older = {
      JWT_SECRET: 'y'.repeat(40),
      ENCRYPTION_KEYS: `dev1:${key(4)}`,
      ENCRYPTION_ACTIVE_KEY_ID: 'dev1',
    };
    writeFileSync(file, JSON.stringify({ ...older, BLIND_INDEX_KEY: key(5) }), { mode: 0o600 });
    const { secrets: kept, created } = loadOrCreateDevSecrets(dataDir);
    expect(created).toBe(false);
    expect(kept).toEqual({
      ...older,
      BLIND_INDEX_KEY: key(5),
      EMBEDDED_DATABASE_APP_PASSWORD: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
    });
    expect(loadOrCreateDevSecrets(dataDir).secrets).toEqual(kept);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses DATABASE_MIGRATION_URL without DATABASE_URL (the app would have no role of its own)', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, DATABASE_MIGRATION_URL: secrets.DATABASE_URL })).toThrow(
      /DATABASE_URL/,
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [
      { ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}`, ENCRYPTION_ACTIVE_KEY_ID: 'k1' },
      /32 bytes/,
    ],
    [{ ENCRYPTION_ACTIVE_KEY_ID: 'k9' }, /names no key/],
    [{ ARGON2_MEMORY_KIB: '1024' }, /ARGON2_MEMORY_KIB/],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }, /BOOTSTRAP_ADMIN_PASSWORD/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET/],
    [{ EMBEDDED_DATABASE_PORT: '70000' }, /EMBEDDED_DATABASE_PORT/],
    [{ EMBEDDED_DATABASE_PORT: 'postgres' }, /EMBEDDED_DATABASE_PORT/],
  ])('names the variable of a bad value %j', (bad, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir, ...secrets, ...bad })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir, ...secrets, ...bad })).toThrow(message);
  });

  it('runs the embedded PostgreSQL on 54329 unless EMBEDDED_DATABASE_PORT says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).embeddedDatabasePort).toBe(54329);
    expect(loadConfig({ DATA_DIR: dataDir, EMBEDDED_DATABASE_PORT: '55432' }).embeddedDatabasePort).toBe(
      55432,
    );
  });

  it('tells the TypeORM CLI where the database is without needing the secrets, validated alike', () => {
    expect(loadDatabaseLocation({ NODE_ENV: 'production', DATABASE_URL: secrets.DATABASE_URL })).toEqual({
      databaseUrl: secrets.DATABASE_URL,
      embeddedDatabasePort: 54329,
    });
    const owner = 'postgres://owner:p@db:5432/sr';
    expect(
      loadDatabaseLocation({ DATABASE_URL: secrets.DATABASE_URL, DATABASE_MIGRATION_URL: owner }).databaseUrl,
    ).toBe(owner);
    expect(loadDatabaseLocation({ EMBEDDED_DATABASE_PORT: '55432' })).toEqual({
      databaseUrl: undefined,
      embeddedDatabasePort: 55432,
    });
    expect(() => loadDatabaseLocation({ EMBEDDED_DATABASE_PORT: '0' })).toThrow(/EMBEDDED_DATABASE_PORT/);
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
  });
});
