import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldError, FieldErrorCode, FieldErrorParams } from './errors';

interface Failure {
  code: FieldErrorCode;
  params?: FieldErrorParams;
}

/** From a constraint's arguments (`@MaxLength(200)` → `[200]`) and the value refused, the detail to give. */
type Resolve = (args: readonly unknown[], value: unknown) => Failure;

const is =
  (code: FieldErrorCode, params?: (args: readonly unknown[]) => FieldErrorParams): Resolve =>
  (args) =>
    params ? { code, params: params(args) } : { code };

const type = (name: string) => is('invalid_type', () => ({ type: name }));
const format = (name: string) => is('invalid_format', () => ({ format: name }));
const num = (value: unknown) => value as number;

/** Length in characters as class-validator counts them (an astral character is one). */
const lengthOf = (s: string) => [...s].length;

/** `@Length(min, max)`, on a string or (with `each`) on the strings of a list: which end was missed. */
const lengthFailure: Resolve = ([min, max], value): Failure => {
  const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  return strings.some((s) => lengthOf(s) < num(min))
    ? { code: 'too_short', params: { min: num(min) } }
    : { code: 'too_long', params: { max: num(max) } };
};

const patternOf = (pattern: unknown) => (pattern instanceof RegExp ? pattern.source : String(pattern));

/**
 * Every class-validator constraint the API uses (built-in names, and the names of our own in
 * validators.ts) with the code and params of its detail, in PRIORITY order: when one field breaks
 * several rules, the first row that matches is the one reported. A missing value is reported as
 * `required` before any row (see `detailOf`). Then: the value's type before its size, its size before
 * its range, membership and format, and rules that compare it with another field or with today last —
 * a caller fixes a value's type before its length, and its length before its format.
 */
export const CONSTRAINT_RULES: readonly (readonly [constraint: string, resolve: Resolve])[] = [
  ['whitelistValidation', is('unknown_field')],
  ['isDefined', is('required')],

  ['unknownValue', type('object')],
  ['nestedValidation', type('object')],
  ['isArray', type('array')],
  ['isString', type('string')],
  ['isBoolean', type('boolean')],
  ['isInt', type('integer')],
  ['isNumber', type('number')],

  ['arrayMinSize', is('too_short', ([min]) => ({ min: num(min) }))],
  ['arrayMaxSize', is('too_long', ([max]) => ({ max: num(max) }))],
  ['minLength', is('too_short', ([min]) => ({ min: num(min) }))],
  ['maxLength', is('too_long', ([max]) => ({ max: num(max) }))],
  ['isLength', lengthFailure],
  ['min', is('too_small', ([min]) => ({ min: num(min) }))],
  ['max', is('too_large', ([max]) => ({ max: num(max) }))],
  ['arrayUnique', is('duplicate')],

  ['isIn', is('one_of', ([allowed]) => ({ allowed: allowed as string[] }))],
  // A password among the common ones: refused whatever its length (users/password-policy.ts).
  ['isNotCommonPassword', is('not_allowed')],
  ['isOneOfWhen', is('one_of', ([allowed]) => ({ allowed: allowed as string[] }))],
  ['equals', is('one_of', ([expected]) => ({ allowed: [expected as string] }))],

  ['isUuid', format('uuid')],
  ['isEmail', format('email')],
  ['isCalendarDate', format('date')],
  ['isTimestamp', format('date-time')],
  ['isIso8601', format('date-time')],
  ['matches', is('invalid_format', ([pattern]) => ({ pattern: patternOf(pattern) }))],

  ['isName', is('invalid_characters')],

  ['isNotBefore', is('too_small', ([min]) => ({ min: String(min) }))],
  ['isNotInFuture', is('not_in_future')],
  ['isNotInPast', is('not_in_past')],
  ['notWith', is('conflict', ([other]) => ({ with: String(other) }))],
];

const PRIORITY = new Map(CONSTRAINT_RULES.map(([name], i) => [name, i]));
const RESOLVE = new Map(CONSTRAINT_RULES);

/** The arguments a constraint was declared with on this class's property (`[200]` for `@MaxLength(200)`). */
function argumentsOf(target: object | undefined, property: string, constraint: string): readonly unknown[] {
  if (!target || Array.isArray(target)) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === constraint || m.type === constraint));
  return metadata?.constraints ?? [];
}

/**
 * The one detail of one field: its highest-priority failing constraint. Needs the pipe to keep
 * `target` and `value` in its errors (they never leave the pipe: the answer holds only the detail).
 */
export function detailOf(error: ValidationError, field: string): FieldError | undefined {
  const constraints = error.constraints ?? {};
  const failed = Object.keys(constraints).sort(
    (a, b) => (PRIORITY.get(a) ?? PRIORITY.size) - (PRIORITY.get(b) ?? PRIORITY.size),
  );
  const top = failed[0];
  if (top === undefined) return undefined;
  if (top === 'whitelistValidation') return { field, code: 'unknown_field', message: 'unknown field' };

  const resolve = (name: string): Failure =>
    RESOLVE.get(name)?.(argumentsOf(error.target, error.property, name), error.value) ?? { code: 'invalid' };
  // An element of a list (`nationalities.0`) is a value that is there, however empty.
  const isProperty = !Array.isArray(error.target);
  if (isProperty && (error.value === undefined || error.value === null)) {
    // The choices, when a rule was a list of them: a form can offer them at once.
    const choices = failed.map(resolve).find((f) => f.code === 'one_of')?.params;
    return {
      field,
      code: 'required',
      message: error.value === null ? `${field} must not be null` : `${field} is required`,
      ...(choices ? { params: choices } : {}),
    };
  }
  const resolved = resolve(top);
  return { field, ...resolved, message: constraints[top] };
}
