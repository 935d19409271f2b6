import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import passport from 'passport';
import request from 'supertest';
import { JwtStrategy } from '../../src/auth/jwt.strategy';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { FIELD_ERROR_CODES } from '../../src/common/errors';
import type { Role } from '../../src/common/roles';
import { buildOpenApiDocument, setupApp } from '../../src/setup-app';
import { PasswordHasher } from '../../src/users/password-hasher';
import { recordResponses, saveDocument } from './responses';

export const API = '/api/v1';

// Passport keeps strategies in one process-wide registry: the newest app's JwtStrategy serves every
// app. When a test closes a second app, the strategy of the newest app still open takes over again.
const openApps: INestApplication[] = [];

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/**
 * The real app (same modules, guard, pipes, filter and HTTP set-up as main.ts) on this worker's
 * database. `env` overrides configuration for this app only, e.g. a low throttle limit.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    // serve-static picks its loader when the module is compiled; a testing module compiles before
    // the HTTP adapter exists, so it would pick its no-op loader: give it the one main.ts's app gets.
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] })
      .overrideProvider(AbstractLoader)
      .useValue(new ExpressLoader())
      .compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false, bodyParser: false });
    const responsesDir = process.env.TEST_RESPONSES_DIR;
    // Before setupApp's middleware, so answers given before routing (413, malformed JSON) are noted too.
    if (responsesDir) app.use(recordResponses(responsesDir));
    setupApp(app);
    if (responsesDir) saveDocument(responsesDir, () => buildOpenApiDocument(app));
    await app.init();
    openApps.push(app);
    return {
      app,
      db: app.get(DataSource),
      http: () => request(app.getHttpServer()),
      close: async () => {
        await app.close();
        openApps.splice(openApps.indexOf(app), 1);
        const newest = openApps[openApps.length - 1];
        if (newest) passport.use('jwt', newest.get(JwtStrategy));
      },
    };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export interface SignedIn extends TestUser {
  token: string;
  refreshToken: string;
  auth: { Authorization: string };
}

/** A user written straight to the database (the users API has its own tests). */
export async function createUser(t: TestApp, role: Role, nationalities: string[] = []): Promise<TestUser> {
  const email = `${role}-${randomUUID()}@example.org`;
  const password = `pw-${randomUUID()}`;
  const hash = await t.app.get(PasswordHasher).hash(password);
  const [{ id }] = (await t.db.query(
    `INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [email, `Test ${role}`, hash, role],
  )) as { id: string }[];
  for (const code of nationalities) {
    await t.db.query('INSERT INTO user_nationalities (user_id, nationality_code) VALUES ($1, $2)', [
      id,
      code,
    ]);
  }
  return { id, email, password, role };
}

export async function login(t: TestApp, user: TestUser): Promise<SignedIn> {
  const res = await t.http().post(`${API}/auth/login`).send({ email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    ...user,
    token: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

export async function loginAs(t: TestApp, role: Role, nationalities: string[] = []): Promise<SignedIn> {
  return login(
    t,
    await createUser(t, role, role === 'consular' && !nationalities.length ? ['THA'] : nationalities),
  );
}

/** The contract's error shape, checked in one place. */
export function expectError(res: request.Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.body).toEqual(
    expect.objectContaining({ statusCode: status, error: expect.any(String), message: expect.any(String) }),
  );
  expect(typeof res.body.requestId).toBe('string');
  if (code === 'VALIDATION_FAILED') expectFieldDetails(res.body.details);
}

/** Validation details as the contract gives them: one per field, each with a stable code (API.md). */
export function expectFieldDetails(details: unknown): void {
  expect(Array.isArray(details) && details.length > 0).toBe(true);
  for (const detail of details as Record<string, unknown>[]) {
    expect(detail).toEqual({
      field: expect.any(String),
      code: expect.stringMatching(new RegExp(`^(${FIELD_ERROR_CODES.join('|')})$`)),
      message: expect.any(String),
      ...('params' in detail ? { params: expect.any(Object) } : {}),
    });
  }
  const fields = (details as { field: string }[]).map((d) => d.field);
  expect(fields).toEqual([...new Set(fields)]);
}
