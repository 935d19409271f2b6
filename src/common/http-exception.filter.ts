import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../database/database-faults';
import { ApiError } from './errors';

/** When to try again after a database outage: long enough for a restart, short for a blip. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'THROTTLED',
  503: 'SERVICE_UNAVAILABLE',
};

interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown[];
  requestId: string;
}

/** The one place that turns anything thrown into the contract's error shape. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const { body, headers } = this.toBody(exception, String(req.id ?? ''));
    for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
    res.status(body.statusCode).json(body);
  }

  private toBody(
    exception: unknown,
    requestId: string,
  ): { body: ErrorBody; headers?: Record<string, string> } {
    const make = (statusCode: number, code: string, message: string, details?: unknown[]): ErrorBody => ({
      statusCode,
      error: (HttpStatus[statusCode] ?? 'Error')
        .toLowerCase()
        .replace(/(^|_)(\w)/g, (_m, sp: string, c: string) => (sp ? ' ' : '') + c.toUpperCase()),
      code,
      message,
      ...(details ? { details } : {}),
      requestId,
    });

    if (exception instanceof ApiError) {
      return {
        body: make(exception.getStatus(), exception.code, exception.message, exception.details),
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { body: make(status, CODE_BY_STATUS[status] ?? 'ERROR', this.messageOf(exception)) };
    }
    if (isDatabaseUnavailable(exception)) {
      // The kind of failure only (a code or errno): never the statement or its parameters.
      this.logger.warn({ cause: this.faultKind(exception) }, 'database unavailable');
      return {
        body: make(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable or did not answer in time'),
        headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
      };
    }
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string; constraint?: string };
      if (driverError.code === '23505') {
        return { body: make(409, 'CONFLICT', 'A record with the same unique value already exists') };
      }
      // Never log the query's parameters or Postgres's detail line: both can hold personal data.
      this.logger.error({ pgCode: driverError.code, constraint: driverError.constraint }, 'database error');
    } else {
      const err = exception as Error;
      this.logger.error(
        { err: { name: err?.name, message: err?.message, stack: err?.stack } },
        'unhandled error',
      );
    }
    return { body: make(500, 'INTERNAL_ERROR', 'Internal server error') };
  }

  private faultKind(exception: unknown): string {
    const error = (exception instanceof QueryFailedError ? exception.driverError : exception) as {
      code?: unknown;
      message?: unknown;
    };
    if (typeof error?.code === 'string') return error.code;
    // pg's own messages for a lost connection or a timeout hold no data of the request.
    return typeof error?.message === 'string' ? error.message.slice(0, 80) : 'unknown';
  }

  private messageOf(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
