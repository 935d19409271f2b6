import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of, switchMap } from 'rxjs';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth.decorators';
import { ApiError } from '../errors';
import { requestContext } from '../request-context';
import { IdempotencyStore } from './idempotency.store';

/**
 * Honours `Idempotency-Key` (API.md "Idempotency"): the same key and body within 24 h give the
 * original status and body again and write nothing new.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      throw ApiError.field(
        'Idempotency-Key',
        typeof key === 'string' && key.length > 255 ? 'too_long' : 'too_short',
        'Idempotency-Key must be 1 to 255 characters',
        { min: 1, max: 255 },
      );
    }
    // A request that writes nothing (a dry run) must leave the key free for the real one.
    const options = this.reflector.get<IdempotentOptions>(IDEMPOTENT_OPTIONS, context.getHandler());
    if (options.skip?.(req)) return next.handle();
    const scope = {
      actor: req.user,
      route: `${req.method} ${(req.route as { path: string }).path}`,
      key,
      entityType: options.entityType,
    };

    return from(this.store.claim(scope, IdempotencyStore.requestHash(req.body))).pipe(
      switchMap((claim) => {
        if (claim.kind === 'replay') {
          res.status(claim.status);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(claim.body);
        }
        // The status Nest will send: @HttpCode, else 201 for POST (res.statusCode is not set yet).
        const status =
          this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
          (req.method === 'POST' ? 201 : 200);
        const keep = (m: EntityManager, body: unknown) =>
          this.store.complete(m, scope, status, body, options.peopleShown(body));
        // The route's writing transaction keeps the answer (Transactions.runAnswering).
        const requestState = requestContext.current();
        if (!requestState)
          throw new Error('Idempotency-Key needs the request context (requestContextMiddleware)');
        requestState.keepAnswer = keep;
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            // A route marked @Idempotent must write through runAnswering; one that does not is a
            // programming error, made loud here (its first test with a key fails) rather than
            // answered with a key that is never completed.
            if (requestState.keepAnswer) {
              throw new Error(
                `${scope.route} is @Idempotent but did not write through Transactions.runAnswering`,
              );
            }
            return body;
          }),
          catchError(async (error: unknown) => {
            requestState.keepAnswer = undefined;
            await this.store.release(scope);
            throw error;
          }),
        );
      }),
    );
  }
}

const IDEMPOTENT_OPTIONS = 'sr:idempotent';

interface IdempotentOptions {
  entityType: string;
  /** The people the route's answer shows: erasing one of them empties the stored answer. */
  peopleShown: (body: unknown) => string[];
  skip?: (req: Request) => boolean;
}

/**
 * Honours Idempotency-Key on a route that creates an `entityType` record. `peopleShown` names the
 * people in its answer, so that a replay after one of them was erased answers 410 PERSON_ERASED
 * (IdempotencyStore.forgetPeople). `skip` names the requests of that route that create nothing (e.g.
 * `?dryRun=true`): they neither claim nor replay a key.
 */
export const Idempotent = (entityType: string, options: Pick<IdempotentOptions, 'peopleShown' | 'skip'>) =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS, { entityType, ...options } satisfies IdempotentOptions),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '1–255 characters; kept 24 h per user and route',
    }),
  );
