import { decodeCursor, encodeCursor, isIssuedTimestamp } from '../../common/pagination';
import { ApiError } from '../../common/errors';
import type { After, Direction, SortKey } from './list-sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the case_number column's CHECK has it. */
const CASE_NUMBER = /^\d{4}-\d{6,18}$/;

const isDefault = (key: SortKey, direction: Direction) => key === 'createdAt' && direction === 'desc';
const tag = (key: SortKey, direction: Direction) => `${key}:${direction}`;
const refused = () =>
  ApiError.field('cursor', 'invalid_format', 'cursor is not one this API issued for this order');

/**
 * The people list's cursor. In the default order (newest created first) it is the plain cursor of
 * every other list; in any other order it also names the order, so that a cursor is refused (400)
 * by a request in another order instead of silently starting somewhere meaningless.
 */
export function encodeListCursor(key: SortKey, direction: Direction, after: After): string {
  if (isDefault(key, direction)) return encodeCursor({ at: after.value, id: after.id });
  return Buffer.from(JSON.stringify([tag(key, direction), after.value, after.id])).toString('base64url');
}

/** The keyset a cursor names, checked for what the query casts each part to. */
export function decodeListCursor(
  cursor: string | undefined,
  key: SortKey,
  direction: Direction,
): After | undefined {
  if (cursor === undefined) return undefined;
  if (isDefault(key, direction)) {
    const plain = decodeCursor(cursor)!;
    return { value: plain.at, id: plain.id };
  }
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parts) || parts.length !== 3) throw refused();
  const [named, value, id] = parts as unknown[];
  const valueOk =
    key === 'caseNumber' ? typeof value === 'string' && CASE_NUMBER.test(value) : isIssuedTimestamp(value);
  if (named !== tag(key, direction) || !valueOk || typeof id !== 'string' || !UUID.test(id)) throw refused();
  return { value: value as string, id };
}
