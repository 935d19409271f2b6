import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiError } from './errors';
import { isRealTimestamp } from './validators';

const DEFAULT_PAGE_SIZE = 50;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: the sort value and id of the last row served. Opaque to callers. */
export interface Keyset {
  at: string;
  id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

/** The form toISOString() gives, which is the only one this API puts in a cursor. */
const ISSUED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A timestamp as this API writes it into cursors, and one PostgreSQL can cast. */
export function isIssuedTimestamp(at: unknown): at is string {
  // PostgreSQL has no year 0 and no 30 February (JavaScript has both): casting one would fail in the query.
  return typeof at === 'string' && ISSUED_AT.test(at) && isRealTimestamp(at);
}

const ID_PATTERNS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  serial: /^[1-9]\d{0,17}$/,
};

/**
 * The keyset a cursor names. Cursors come back from clients, so each part is checked for what the
 * query will cast it to (a timestamp, and a UUID or a serial id): a crafted one is a 400, not a 500.
 */
export function decodeCursor(
  cursor: string | undefined,
  idKind: keyof typeof ID_PATTERNS = 'uuid',
): Keyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (isIssuedTimestamp(at) && typeof id === 'string' && ID_PATTERNS[idKind].test(id)) {
      return { at, id };
    }
  } catch {
    // fall through to the 400 below
  }
  throw ApiError.field('cursor', 'invalid_format', 'cursor is not one this API issued');
}

/**
 * Callers fetch limit + 1 rows: the extra row only says whether there is a next page.
 * `keyOf` gives the keyset of a row (its sort timestamp and id).
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => Keyset,
  map: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}
