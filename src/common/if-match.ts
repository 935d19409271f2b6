import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiError } from './errors';

/** Documents the header on the route whose handler takes it, so no route can forget to. */
const documentIfMatch: ParameterDecorator = (target, key) => {
  if (key === undefined) return;
  ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The version last read, as its ETag gave it: `"3"`',
  })(target, key, Object.getOwnPropertyDescriptor(target, key)!);
};

/** The form of our ETags, strong or weak: `"3"`, `W/"3"`. */
const VERSION_TAG = /^(?:W\/)?"(\d{1,9})"$/;

/**
 * 400 for an If-Match that names no version at all (`3`, `*`, `garbage`): a request that is wrong
 * whatever the record holds, so it is refused with the other validation errors, before the scope check.
 */
function malformedIfMatch(): ApiError {
  return ApiError.field('If-Match', 'invalid_format', 'If-Match must be the ETag you last read, e.g. "3"', {
    format: '"<version>"',
  });
}

const given = (header: string | undefined): header is string => header !== undefined && header.trim() !== '';

/**
 * The If-Match header, checked for its form only; services compare it with the record after the scope
 * check (expectedVersion), as the contract orders.
 */
export const IfMatch = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined => {
    const header = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[
      'if-match'
    ];
    if (given(header) && !VERSION_TAG.test(header.trim())) throw malformedIfMatch();
    return header;
  },
  [documentIfMatch],
);

export function versionMismatch(): ApiError {
  return new ApiError(
    HttpStatus.PRECONDITION_FAILED,
    'VERSION_MISMATCH',
    'The record changed since you read it: fetch it again and reapply your change',
  );
}

/**
 * The version the caller last saw. Missing → 428; not an ETag → 400; not the current one → 412.
 * Accepts `"3"` and `W/"3"`.
 */
export function expectedVersion(header: string | undefined, currentVersion: number): number {
  if (!given(header)) {
    throw new ApiError(
      HttpStatus.PRECONDITION_REQUIRED,
      'PRECONDITION_REQUIRED',
      'If-Match with the version you last read is required',
    );
  }
  const match = VERSION_TAG.exec(header.trim());
  if (!match) throw malformedIfMatch();
  const version = Number(match[1]);
  if (version !== currentVersion) throw versionMismatch();
  return version;
}
