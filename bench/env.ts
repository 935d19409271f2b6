/**
 * Imported first by run.ts: the app reads its configuration from the environment when it is created.
 * Fixed, public keys are fine here (synthetic data only) and keep the blind index stable across runs
 * against a reused BENCH_DATABASE_URL. Request logs are silenced: they would be timed too.
 */
const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

process.env.NODE_ENV = 'development';
process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'silent';
process.env.JWT_SECRET = 'bench-jwt-secret-of-at-least-32-characters';
process.env.ENCRYPTION_KEYS = `bench1:${key(7)}`;
process.env.ENCRYPTION_ACTIVE_KEY_ID = 'bench1';
process.env.BLIND_INDEX_KEY = key(8);
process.env.ACCESS_TOKEN_TTL_SECONDS = '3600';
process.env.AUTH_THROTTLE_LIMIT = '1000';
// One bench user reads thousands of people and pages in minutes: the limits still count every request
// and every person shown (their cost is measured), they only must not refuse the bench.
process.env.USER_THROTTLE_LIMIT = '100000000';
process.env.READ_ALERT_PER_HOUR = '100000000';
delete process.env.DATABASE_URL;
delete process.env.BOOTSTRAP_ADMIN_EMAIL;
delete process.env.BOOTSTRAP_ADMIN_PASSWORD;

export {};
