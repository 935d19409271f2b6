import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One entry of `details`: a field's first failing rule, or a person a batch refused. */
export class ErrorDetailView {
  @ApiPropertyOptional({ description: 'Body field, query parameter or header the detail is about' })
  field?: string;
  @ApiPropertyOptional({ description: 'Stable code for translation, e.g. `required`, `too_long`' })
  code?: string;
  @ApiPropertyOptional()
  message?: string;
  @ApiPropertyOptional({ description: "The constraint's values, e.g. `{ max: 200 }`", type: Object })
  params?: Record<string, unknown>;
  @ApiPropertyOptional({ format: 'uuid', description: 'A person a batch (handover) refused' })
  personId?: string;
  @ApiPropertyOptional({
    enum: ['not_found', 'duplicate', 'not_eligible', 'erased'],
    description: 'Why a batch refused this person (`erased` comes with the code `PERSON_ERASED`)',
  })
  reason?: string;
}

/** The one error shape of the API (API.md "Conventions"). */
export class ErrorView {
  @ApiProperty({ example: 422 })
  statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' })
  error: string;
  @ApiProperty({ description: 'Stable machine-readable code', example: 'INVALID_TRANSITION' })
  code: string;
  @ApiProperty()
  message: string;
  @ApiPropertyOptional({ type: [ErrorDetailView] })
  details?: ErrorDetailView[];
  @ApiProperty()
  requestId: string;
}

const MEANING: Record<number, string> = {
  400: 'Validation failed (`VALIDATION_FAILED`), malformed JSON or a malformed header',
  401: 'Missing, invalid or expired access token, or wrong credentials',
  403: 'The role may not use this route or choose this target, or the password must be changed first (`PASSWORD_CHANGE_REQUIRED`)',
  404: 'No such record, or one outside the caller’s scope (indistinguishable)',
  409: 'Conflict: a unique value already taken, or the same Idempotency-Key still in flight',
  410: 'The record this answer names was erased',
  412: 'If-Match names an older version (`VERSION_MISMATCH`)',
  413: 'Body over 1 MiB',
  415: 'Body is not application/json',
  422: 'A business rule refused the request (see `code`)',
  428: 'If-Match is required (`PRECONDITION_REQUIRED`)',
  429: 'Too many requests (`Retry-After`)',
  503: 'The database is down or did not answer within `DATABASE_TIMEOUT_MS` (`DATABASE_UNAVAILABLE`, `Retry-After`)',
};

export const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

/** Documents the error responses a route can send, each with the error schema. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: MEANING[status] ?? 'Error',
        type: ErrorView,
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );

/**
 * A route's summary and its error responses in one line. Every signed-in route can answer 401 and
 * 403, so they are added here; pass the others the route can send.
 */
export const ApiRoute = (summary: string, ...errors: number[]) =>
  applyDecorators(ApiOperation({ summary }), ApiErrors(...new Set([401, 403, ...errors])));

/** The same for a route open to anyone (no 401/403). */
export const ApiPublicRoute = (summary: string, ...errors: number[]) =>
  applyDecorators(ApiOperation({ summary }), ApiErrors(...errors));
