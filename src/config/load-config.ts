import { parseStageTargets } from './stage-targets';
import { Logger } from '@nestjs/common';
import Joi from 'joi';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Role } from '../common/roles';
import { AppConfig } from './app-config';
import { loadOrCreateDevSecrets } from './dev-secrets';
import { envSchema } from './env.schema';

const SECRET_NAMES = [
  'JWT_SECRET',
  'ENCRYPTION_KEYS',
  'ENCRYPTION_ACTIVE_KEY_ID',
  'BLIND_INDEX_KEY',
] as const;

export class ConfigError extends Error {}

/** What envSchema yields: defaults applied, numbers and booleans converted. */
interface ValidatedEnv {
  NODE_ENV: AppConfig['env'];
  HOST: string;
  PORT: number;
  DATABASE_URL?: string;
  DATABASE_MIGRATION_URL?: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_TIMEOUT_MS: number;
  DATA_DIR: string;
  WEB_DIR?: string;
  EMBEDDED_DATABASE_PORT: number;
  LOG_LEVEL: string;
  CORS_ORIGINS: string;
  TRUST_PROXY: boolean;
  JWT_SECRET: string;
  ACCESS_TOKEN_TTL_SECONDS: number;
  SESSION_MAX_HOURS: number;
  LOGIN_MAX_FAILURES: number;
  LOGIN_LOCK_MINUTES: number;
  AUTH_THROTTLE_LIMIT: number;
  AUTH_THROTTLE_TTL_SECONDS: number;
  USER_THROTTLE_LIMIT: number;
  USER_THROTTLE_TTL_SECONDS: number;
  READ_ALERT_PER_HOUR: number;
  SEARCH_TIMEOUT_MS: number;
  ARGON2_MEMORY_KIB: number;
  ARGON2_TIME_COST: number;
  MFA_REQUIRED_ROLES: string;
  ENCRYPTION_KEYS: string;
  ENCRYPTION_ACTIVE_KEY_ID: string;
  BLIND_INDEX_KEY: string;
  BOOTSTRAP_ADMIN_EMAIL?: string;
  BOOTSTRAP_ADMIN_PASSWORD?: string;
  REPORT_K_DONOR: number;
  REPORT_K_RESTRICTED: number;
  STAGE_TARGETS: string;
  RETENTION_CLOSED_YEARS: number;
}

function parseKeys(spec: string): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  for (const part of spec.split(',')) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`ENCRYPTION_KEYS: key "${id}" must be 32 bytes (base64)`);
    keys[id] = key;
  }
  return keys;
}

/**
 * dist/web of the folder that holds package.json above this file: the same from dist/src (the
 * built app) and from src/ (tests run from the sources).
 */
function defaultWebDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

/** Validates the environment and turns it into the typed AppConfig. Throws ConfigError on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const { value, error } = envSchema.validate(env, { allowUnknown: true, abortEarly: false, convert: true });
  if (error) {
    throw new ConfigError(`Invalid configuration: ${error.details.map((d) => d.message).join('; ')}`);
  }
  const v = value as ValidatedEnv;
  const dataDir = resolve(v.DATA_DIR);

  if (v.NODE_ENV !== 'production' && SECRET_NAMES.some((name) => !v[name])) {
    const { secrets, created, path } = loadOrCreateDevSecrets(dataDir);
    for (const name of SECRET_NAMES) if (!v[name]) v[name] = secrets[name];
    new Logger('Config').warn(
      `${created ? 'Generated' : 'Using'} development secrets in ${path}. Never use them in production.`,
    );
  }

  const keys = parseKeys(v.ENCRYPTION_KEYS);
  if (!keys[v.ENCRYPTION_ACTIVE_KEY_ID]) {
    throw new ConfigError('ENCRYPTION_ACTIVE_KEY_ID names no key in ENCRYPTION_KEYS');
  }
  const blindIndexKey = Buffer.from(v.BLIND_INDEX_KEY, 'base64');
  if (blindIndexKey.length < 32) throw new ConfigError('BLIND_INDEX_KEY must be at least 32 bytes (base64)');

  return {
    env: v.NODE_ENV,
    host: v.HOST,
    port: v.PORT,
    databaseUrl: v.DATABASE_URL || undefined,
    databaseMigrationUrl: v.DATABASE_MIGRATION_URL || undefined,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    databaseTimeoutMs: v.DATABASE_TIMEOUT_MS,
    dataDir,
    webDir: v.WEB_DIR ? resolve(v.WEB_DIR) : defaultWebDir(),
    embeddedDatabasePort: v.EMBEDDED_DATABASE_PORT,
    logLevel: v.LOG_LEVEL,
    corsOrigins: v.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: v.TRUST_PROXY,
    auth: {
      jwtSecret: v.JWT_SECRET,
      accessTokenTtlSeconds: v.ACCESS_TOKEN_TTL_SECONDS,
      sessionMaxHours: v.SESSION_MAX_HOURS,
      loginMaxFailures: v.LOGIN_MAX_FAILURES,
      loginLockMinutes: v.LOGIN_LOCK_MINUTES,
      throttleLimit: v.AUTH_THROTTLE_LIMIT,
      throttleTtlSeconds: v.AUTH_THROTTLE_TTL_SECONDS,
      argon2: { memoryCost: v.ARGON2_MEMORY_KIB, timeCost: v.ARGON2_TIME_COST },
      mfaRequiredRoles: [
        ...new Set(
          v.MFA_REQUIRED_ROLES.split(',')
            .map((r) => r.trim())
            .filter(Boolean) as Role[],
        ),
      ],
    },
    limits: {
      userThrottleLimit: v.USER_THROTTLE_LIMIT,
      userThrottleTtlSeconds: v.USER_THROTTLE_TTL_SECONDS,
      readAlertPerHour: v.READ_ALERT_PER_HOUR,
      searchTimeoutMs: v.SEARCH_TIMEOUT_MS,
    },
    encryption: { keys, activeKeyId: v.ENCRYPTION_ACTIVE_KEY_ID, blindIndexKey },
    bootstrapAdmin: v.BOOTSTRAP_ADMIN_EMAIL
      ? { email: v.BOOTSTRAP_ADMIN_EMAIL, password: v.BOOTSTRAP_ADMIN_PASSWORD! }
      : undefined,
    reports: { kDonor: v.REPORT_K_DONOR, kRestricted: v.REPORT_K_RESTRICTED },
    stageTargetHours: parseStageTargets(v.STAGE_TARGETS),
    retention: { closedYears: v.RETENTION_CLOSED_YEARS },
  };
}

/**
 * Where the database is, and nothing else: for the TypeORM CLI, which must not need the app's secrets
 * (a migration run where only DATABASE_URL is set) but reads the same variables, validated alike.
 * Migrations are the owner's: DATABASE_MIGRATION_URL when set, else DATABASE_URL.
 */
export function loadDatabaseLocation(env: NodeJS.ProcessEnv): {
  databaseUrl: string | undefined;
  embeddedDatabasePort: number;
} {
  const schema = Joi.object({
    DATABASE_URL: envSchema.extract('DATABASE_URL'),
    DATABASE_MIGRATION_URL: envSchema.extract('DATABASE_MIGRATION_URL'),
    EMBEDDED_DATABASE_PORT: envSchema.extract('EMBEDDED_DATABASE_PORT'),
  });
  const { value, error } = schema.validate(env, { allowUnknown: true, abortEarly: false, convert: true });
  if (error) {
    throw new ConfigError(`Invalid configuration: ${error.details.map((d) => d.message).join('; ')}`);
  }
  const v = value as Pick<ValidatedEnv, 'DATABASE_URL' | 'DATABASE_MIGRATION_URL' | 'EMBEDDED_DATABASE_PORT'>;
  return {
    databaseUrl: v.DATABASE_MIGRATION_URL || v.DATABASE_URL || undefined,
    embeddedDatabasePort: v.EMBEDDED_DATABASE_PORT,
  };
}

/** The configuration of this process's environment. */
export function loadConfigFromEnv(): AppConfig {
  return loadConfig(process.env);
}
