import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { Principal } from './auth.decorators';

export interface RequestContextStore {
  requestId: string;
  ip: string | undefined;
  /**
   * The signed-in caller, once the guard has authenticated the request: every transaction of the
   * request runs as this caller in the database (src/database/transactions.ts, row-level security).
   */
  principal?: Principal;
  /**
   * Set by IdempotencyInterceptor while the request owns an Idempotency-Key: keeps the request's
   * answer under that key. Transactions.runAnswering calls it inside the transaction that writes the
   * answer, so the record and the key's answer commit together (a retry can never write twice).
   */
  keepAnswer?: (m: EntityManager, answer: unknown) => Promise<void>;
}

const storage = new AsyncLocalStorage<RequestContextStore>();
const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Request id, client address and caller of the request being served: audit log, logs, database. */
export const requestContext = {
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  /** Called by the guard only, once the token and the user behind it are verified. */
  authenticate(principal: Principal): void {
    const store = storage.getStore();
    if (store) store.principal = principal;
  },
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
};

/**
 * First middleware of the app: names the request (keeping a well-formed incoming X-Request-Id, so a
 * caller can correlate) and opens the async context that the audit log reads it from.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId, ip: req.ip }, next);
}
