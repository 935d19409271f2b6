import Joi from 'joi';
import { ROLES } from '../common/roles';
import { EMBEDDED_DEFAULT_PORT } from '../database/embedded-defaults';

/**
 * Every environment variable the service reads, with its default. Validated once at boot;
 * an invalid value stops the start with a message naming the variable.
 */
export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  HOST: Joi.string().default('0.0.0.0'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  // The tables' owner, for the migrations; DATABASE_URL is then the app's role, which owns nothing.
  DATABASE_MIGRATION_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(200).default(10),
  // How long a request waits on the database (a connection, a statement) before it answers 503.
  DATABASE_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(5000),
  DATA_DIR: Joi.string().default('.data'),
  // The built web app (index.html and assets/); unset: dist/web of this checkout or image.
  WEB_DIR: Joi.string(),
  // The embedded PostgreSQL's port (no DATABASE_URL): another one for a second checkout on one machine.
  // Not 0 ("any free port"): the TypeORM CLI finds the server by this port.
  EMBEDDED_DATABASE_PORT: Joi.number().port().min(1).default(EMBEDDED_DEFAULT_PORT),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  CORS_ORIGINS: Joi.string().allow('').default(''),
  TRUST_PROXY: Joi.boolean().default(false),

  JWT_SECRET: Joi.string().min(32),
  ACCESS_TOKEN_TTL_SECONDS: Joi.number().integer().min(60).max(3600).default(900),
  SESSION_MAX_HOURS: Joi.number().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: Joi.number().integer().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(24 * 60)
    .default(15),
  AUTH_THROTTLE_LIMIT: Joi.number().integer().min(1).default(20),
  AUTH_THROTTLE_TTL_SECONDS: Joi.number().integer().min(1).default(60),
  // Per user and route, on the expensive routes (searches, lists, reports, exports).
  USER_THROTTLE_LIMIT: Joi.number().integer().min(1).default(60),
  USER_THROTTLE_TTL_SECONDS: Joi.number().integer().min(1).default(60),
  // Person records one user may be shown in an hour before further reads wait (and an admin is told).
  READ_ALERT_PER_HOUR: Joi.number().integer().min(1).default(500),
  // Time budget of each statement of a search (duplicates, the people list and its count).
  SEARCH_TIMEOUT_MS: Joi.number().integer().min(10).max(60_000).default(3000),
  ARGON2_MEMORY_KIB: Joi.number().integer().min(19456).default(19456),
  ARGON2_TIME_COST: Joi.number().integer().min(2).default(2),
  // Roles that must sign in with a second factor, e.g. `admin,supervisor,consular`: off by default
  // where there is nothing real to protect, on for the roles that reach people's records in production.
  MFA_REQUIRED_ROLES: Joi.string()
    .pattern(new RegExp(`^\\s*(${ROLES.join('|')})\\s*(,\\s*(${ROLES.join('|')})\\s*)*$`))
    .allow('')
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.string().default('admin,supervisor,consular'),
      otherwise: Joi.string().default(''),
    }),

  // "id:base64key,id:base64key"; the key named by ENCRYPTION_ACTIVE_KEY_ID encrypts, all decrypt.
  ENCRYPTION_KEYS: Joi.string().pattern(
    /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]+)*$/,
  ),
  ENCRYPTION_ACTIVE_KEY_ID: Joi.string().pattern(/^[A-Za-z0-9_-]{1,16}$/),
  BLIND_INDEX_KEY: Joi.string().base64(),

  BOOTSTRAP_ADMIN_EMAIL: Joi.string().email({ tlds: false }),
  BOOTSTRAP_ADMIN_PASSWORD: Joi.string().min(12),

  REPORT_K_DONOR: Joi.number().integer().min(2).default(11),
  REPORT_K_RESTRICTED: Joi.number().integer().min(2).default(5),
  // e.g. `presumed_victim=72,consular_notified=336` (hours); stages not named keep their default.
  STAGE_TARGETS: Joi.string()
    .pattern(/^\s*[a-z_]+\s*=\s*\d+(\.\d+)?\s*(,\s*[a-z_]+\s*=\s*\d+(\.\d+)?\s*)*$/)
    .allow('')
    .default(''),
  // Closed cases are erased this many years after they were closed (`npm run retention:apply`, daily job).
  RETENTION_CLOSED_YEARS: Joi.number().integer().min(1).max(100).default(7),
})
  .with('BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD')
  .with('DATABASE_MIGRATION_URL', 'DATABASE_URL')
  .with('ENCRYPTION_KEYS', 'ENCRYPTION_ACTIVE_KEY_ID')
  .when(Joi.object({ NODE_ENV: Joi.valid('production').required() }).unknown(), {
    then: Joi.object({
      DATABASE_URL: Joi.required(),
      JWT_SECRET: Joi.required(),
      ENCRYPTION_KEYS: Joi.required(),
      ENCRYPTION_ACTIVE_KEY_ID: Joi.required(),
      BLIND_INDEX_KEY: Joi.required(),
    }),
  });
