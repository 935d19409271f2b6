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

/** The raw If-Match header; services check it after the scope check, as the contract orders. */
export const IfMatch = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['if-match'],
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
 * The version the caller last saw. Missing → 428; a value that names no version (or not the current
 * one) → 412. Accepts `"3"`, `W/"3"` and a bare `3`.
 */
export function expectedVersion(header: string | undefined, currentVersion: number): number {
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      HttpStatus.PRECONDITION_REQUIRED,
      'PRECONDITION_REQUIRED',
      'If-Match with the version you last read is required',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  const version = match ? Number(match[1]) : NaN;
  if (version !== currentVersion) throw versionMismatch();
  return version;
}
