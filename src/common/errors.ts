import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every error the API answers with, in the contract's shape
 * `{ statusCode, error, code, message, details?, requestId }` (requestId added by the filter).
 */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message, status);
  }

  static validation(details: FieldError[], message = 'Request validation failed'): ApiError {
    return new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, details);
  }

  static field(field: string, message: string): ApiError {
    return ApiError.validation([{ field, message }]);
  }

  static unauthenticated(message = 'Authentication required'): ApiError {
    return new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
  }

  static forbidden(message = 'Your role may not do this'): ApiError {
    return new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
  }

  /** Also the answer for a record outside the caller's scope: the two must be indistinguishable. */
  static notFound(entity = 'Record'): ApiError {
    return new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${entity} not found`);
  }

  static conflict(code: string, message: string): ApiError {
    return new ApiError(HttpStatus.CONFLICT, code, message);
  }

  static rule(code: string, message: string, details?: unknown[]): ApiError {
    return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);
  }

  static tooMany(code: string, message: string, retryAfterSeconds: number): ApiError {
    return new ApiError(HttpStatus.TOO_MANY_REQUESTS, code, message, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}
