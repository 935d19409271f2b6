import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Stable codes of validation details, for a front end to translate (API.md "Conventions"): adding one
 * is fine, renaming one breaks every translation. `params` carries the values a message needs.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'invalid_format',
  'invalid_characters',
  'one_of',
  'unknown_code',
  'unknown_reference',
  'not_allowed',
  'duplicate',
  'not_in_future',
  'not_in_past',
  'conflict',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrorParams = Record<
  string,
  string | number | boolean | readonly (string | number | boolean)[]
>;

/** One field's first failing rule: the English `message` for people, `code` and `params` for programs. */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
  params?: FieldErrorParams;
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

  static field(field: string, code: FieldErrorCode, message: string, params?: FieldErrorParams): ApiError {
    return ApiError.validation([{ field, code, message, ...(params ? { params } : {}) }]);
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
