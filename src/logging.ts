import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from './config/app-config';

/**
 * Structured JSON logs. Only method, path (never the query string: `?q=` carries names), status,
 * time and request id are written; headers, bodies and tokens never are.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    // Named wildcard: path-to-regexp 8 (Express 5) rejects the bare '*' that is nestjs-pino's default.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.env === 'test' ? 'silent' : config.logLevel,
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({
          id: req.id,
          method: req.method,
          path: (req.url ?? '').split('?')[0],
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers', 'err.config'], remove: true },
      customProps: (req: IncomingMessage) => ({
        userId: (req as IncomingMessage & { user?: { id: string } }).user?.id,
      }),
    },
  };
}
