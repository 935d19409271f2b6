/**
 * What no legitimate request holds, looked for in a parsed body, query or parameter (API.md
 * "Conventions", Hostile input). The walk is a loop over an explicit stack, never recursion: a body
 * nested 10,000 deep must cost a 400, not the process's stack.
 */

/** Deeper bodies are refused outright (the outermost object or array is level 1). */
export const MAX_NESTING = 32;

/**
 * Keys that name JavaScript's object machinery. JSON.parse makes them plain own keys, but code that
 * copies or merges objects can turn them into prototype pollution; and class-transformer drops them
 * without a word, so they would not be refused like other unknown fields.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type InputProblem =
  | { kind: 'too_deep' }
  | { kind: 'field'; field: string; code: 'unknown_field' | 'invalid_characters'; message: string };

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL cannot store (NUL) or that is not Unicode at all (a lone surrogate). */
function badText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'text must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'text must not contain lone surrogates (it is not valid Unicode)';
  return undefined;
}

/** The first problem of `value`, depth first; `root` is the field name of a parameter. */
export function findInputProblem(value: unknown, root = ''): InputProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const message = badText(current);
      if (message) return { kind: 'field', field: path || 'value', code: 'invalid_characters', message };
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    if (depth >= MAX_NESTING) return { kind: 'too_deep' };
    for (const key of Object.keys(current)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          kind: 'field',
          field,
          code: 'unknown_field',
          message: `${key} is not a field of this request`,
        };
      }
      const message = badText(key);
      if (message) return { kind: 'field', field: path || 'value', code: 'invalid_characters', message };
      stack.push({ value: (current as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Only the depth, for the body as soon as it is parsed (before any guard or pipe walks it). */
export function isTooDeep(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: current, depth } = stack.pop()!;
    if (!current || typeof current !== 'object') continue;
    if (depth >= MAX_NESTING) return true;
    for (const inner of Object.values(current)) stack.push({ value: inner, depth: depth + 1 });
  }
  return false;
}
