import type { AppConfig } from './config/app-config';
import { loggerParams } from './logging';

describe('request logging', () => {
  const params = loggerParams({ env: 'development', logLevel: 'info' } as AppConfig);
  const options = params.pinoHttp as {
    serializers: { req: (req: object) => Record<string, unknown> };
    redact: { paths: string[]; remove: boolean };
  };

  it('logs the path without the query string, which can carry names', () => {
    const logged = options.serializers.req({
      id: 'r1',
      method: 'GET',
      url: '/api/v1/people?q=Somchai%20Jaidee&nationality=THA',
      headers: { authorization: 'Bearer secret-token', cookie: 'a=b' },
    });
    expect(logged).toEqual({ id: 'r1', method: 'GET', path: '/api/v1/people' });
    expect(JSON.stringify(logged)).not.toMatch(/Somchai|secret-token/);
  });

  it('drops request and response headers entirely', () => {
    expect(options.redact).toEqual({
      paths: expect.arrayContaining(['req.headers', 'res.headers']),
      remove: true,
    });
  });
});
