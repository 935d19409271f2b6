// Runs in each test worker before its specs: point the app at this worker's own database (as the
// app's role that owns nothing, the owner running the migrations), with fixed test secrets so no
// dev-secrets file is written.
import { testDatabaseEnv } from './database';

process.env.NODE_ENV = 'test';
Object.assign(process.env, testDatabaseEnv(`sr_test_${process.env.JEST_WORKER_ID ?? '1'}`));
process.env.JWT_SECRET = 'test-jwt-secret-of-at-least-32-characters-long';
process.env.ENCRYPTION_KEYS = `t1:${Buffer.alloc(32, 1).toString('base64')},t2:${Buffer.alloc(32, 2).toString('base64')}`;
process.env.ENCRYPTION_ACTIVE_KEY_ID = 't1';
process.env.BLIND_INDEX_KEY = Buffer.alloc(32, 3).toString('base64');
process.env.AUTH_THROTTLE_LIMIT = '1000';
// Specs that test the per-user limits and the bulk-read guard lower these for their own app.
process.env.USER_THROTTLE_LIMIT = '100000';
process.env.READ_ALERT_PER_HOUR = '1000000';
process.env.DATABASE_POOL_SIZE = '10';
delete process.env.BOOTSTRAP_ADMIN_EMAIL;
delete process.env.BOOTSTRAP_ADMIN_PASSWORD;
