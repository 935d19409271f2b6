import type { components } from './schema';

export type ErrorBody = components['schemas']['ErrorView'];
export type ErrorDetail = components['schemas']['ErrorDetailView'];

/** Codes the app itself gives when no answer of the API's shape arrived. */
export type ClientErrorCode = 'NETWORK' | 'UNEXPECTED_RESPONSE';

/**
 * Every failed call, in the contract's error shape (API.md "Conventions"): pages translate `code`
 * (and each detail's `code`) through the message catalogue, never show `message` raw.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
    /** Seconds, from Retry-After (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The error of a response that is not 2xx, read from its body when it has the contract's shape. */
  static async fromResponse(response: Response, body?: unknown): Promise<ApiError> {
    const parsed =
      body ??
      (await response
        .clone()
        .json()
        .catch(() => undefined));
    const retry = Number(response.headers.get('Retry-After'));
    const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
    if (isErrorBody(parsed)) {
      return new ApiError(
        response.status,
        parsed.code,
        parsed.message,
        parsed.details ?? [],
        parsed.requestId,
        retryAfter,
      );
    }
    return new ApiError(
      response.status,
      'UNEXPECTED_RESPONSE',
      `HTTP ${response.status}`,
      [],
      undefined,
      retryAfter,
    );
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'NETWORK', 'The server could not be reached');
    error.cause = cause;
    return error;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).statusCode === 'number'
  );
}
