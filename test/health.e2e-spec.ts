import { API, createTestApp, expectError, loginAs, TestApp } from './support/app';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers 200 with the database up', async () => {
    const res = await t.http().get(`${API}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('refuses a 2 MiB body with 413 in the error shape', async () => {
    const admin = await loginAs(t, 'admin');
    const res = await t
      .http()
      .post(`${API}/users`)
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.org', displayName: 'x'.repeat(2 * 1024 * 1024) }));
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const admin = await loginAs(t, 'admin');
    const res = await t
      .http()
      .post(`${API}/users`)
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.org",');
    expectError(res, 400, 'MALFORMED_JSON');
  });

  it('names every response with a request id', async () => {
    const res = await t.http().get(`${API}/health`);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and no x-powered-by', async () => {
    const res = await t.http().get(`${API}/health`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toEqual(expect.any(String));
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps CORS closed unless origins are configured', async () => {
    const res = await t.http().get(`${API}/health`).set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const open = await createTestApp({ CORS_ORIGINS: 'https://ngo.example' });
    try {
      const allowed = await open.http().get(`${API}/health`).set('Origin', 'https://ngo.example');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://ngo.example');
      const other = await open.http().get(`${API}/health`).set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});
