import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsString,
  Length,
  Matches,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/** Allowed clock skew between a caller's clock and ours before a timestamp counts as "in the future". */
export const CLOCK_SKEW_MS = 60_000;

/** Trims and NFC-normalises a string (names typed on different keyboards compare equal). */
export const NormalizedText = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.normalize('NFC').trim() : value,
  );

export function NormalizedTextArray() {
  return Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : v)) : value,
  );
}

/**
 * The OpenAPI format of a field checked by one of the validators below, so the document says what
 * the rule enforces (`date`, `date-time`) and generated clients type it.
 */
const documentedAs = (format: 'date' | 'date-time') => ApiProperty({ type: String, format });

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // JavaScript has a year 0, PostgreSQL does not (1 BC is followed by AD 1): it would be a 500 there.
  if (value.startsWith('0000')) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * One rule of a field under its own constraint name, so that each failure has its own code
 * (validation-codes.ts): a date that does not exist is `invalid_format`, one in the future
 * `not_in_future`. Each rule after the first passes a value the first already refuses, so a field
 * reports one reason.
 */
function rule(
  name: string,
  constraints: unknown[],
  message: string,
  validate: (value: unknown) => boolean,
  options?: ValidationOptions,
) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      constraints,
      options: { message: `${propertyName} ${message}`, ...options },
      validator: { validate },
    });
}

const isDate = (value: unknown): value is string => typeof value === 'string' && isRealDate(value);
const today = () => new Date().toISOString().slice(0, 10);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?/;

/**
 * A timestamp whose day exists and whose clock is a real time. Date.parse alone is not enough: it
 * rolls 2023-02-30 over to 2 March, which PostgreSQL refuses (a 500 if it got that far).
 */
export function isRealTimestamp(value: string): boolean {
  return (
    TIMESTAMP.test(value) &&
    isRealDate(value.slice(0, 10)) &&
    CLOCK.test(value.slice(11)) &&
    !Number.isNaN(Date.parse(value))
  );
}
const isTimestamp = (value: unknown): value is string => typeof value === 'string' && isRealTimestamp(value);

/** Dates of birth and compound reports: nothing earlier is plausible (and a typo like 0199 is caught). */
const EARLIEST_DATE = '1900-01-01';
/** Events of a case: the scam compounds this tracker is about did not exist before. */
const EARLIEST_TIMESTAMP = '1990-01-01T00:00:00Z';

const calendarDate = (options?: ValidationOptions) =>
  rule('isCalendarDate', [], 'must be a date YYYY-MM-DD that exists', isDate, options);

/** A calendar date YYYY-MM-DD that exists and is not after today (UTC). */
export function IsPastDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    documentedAs('date')(object, propertyName);
    calendarDate(options)(object, propertyName);
    rule(
      'isNotBefore',
      [EARLIEST_DATE],
      `must not be before ${EARLIEST_DATE}`,
      (v) => !isDate(v) || v >= EARLIEST_DATE,
      options,
    )(object, propertyName);
    rule(
      'isNotInFuture',
      [],
      'must not be in the future',
      (v) => !isDate(v) || v <= today(),
      options,
    )(object, propertyName);
  };
}

/** A calendar date YYYY-MM-DD (any day). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    documentedAs('date')(object, propertyName);
    calendarDate(options)(object, propertyName);
  };
}

/** An ISO 8601 timestamp with a time zone, not in the future (beyond a minute of clock skew). */
export function IsPastTimestamp(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    documentedAs('date-time')(object, propertyName);
    rule(
      'isTimestamp',
      [],
      'must be an ISO 8601 timestamp with a time zone, e.g. 2023-11-19T08:00:00Z',
      isTimestamp,
      options,
    )(object, propertyName);
    rule(
      'isNotBefore',
      [EARLIEST_TIMESTAMP],
      `must not be before ${EARLIEST_TIMESTAMP}`,
      (v) => !isTimestamp(v) || Date.parse(v) >= Date.parse(EARLIEST_TIMESTAMP),
      options,
    )(object, propertyName);
    rule(
      'isNotInFuture',
      [],
      'must not be in the future',
      (v) => !isTimestamp(v) || Date.parse(v) <= Date.now() + CLOCK_SKEW_MS,
      options,
    )(object, propertyName);
  };
}

/** Refuses the field when `other` is set too. */
export function NotWith(other: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notWith',
      target: object.constructor,
      propertyName,
      constraints: [other],
      options: { message: `give either ${propertyName} or ${other}, not both`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value === undefined ||
          value === null ||
          (args.object as Record<string, unknown>)[other] === undefined ||
          (args.object as Record<string, unknown>)[other] === null,
      },
    });
}

/** Optional, but when present it must be valid: `null` is refused (unlike @IsOptional). */
export const IsOptionalNotNull = (options?: ValidationOptions) =>
  ValidateIf((_o: object, value: unknown) => value !== undefined, options);

/** A list of distinct ISO 3166-1 alpha-3 codes (whether each is known is checked against the table). */
export const NationalityCodes = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique(),
    Matches(/^[A-Z]{3}$/, { each: true, message: 'each nationality must be an alpha-3 code' }),
  );

/** A calendar date YYYY-MM-DD that is today (UTC) or later: an expiry, which must not have passed. */
export function IsNotPastDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    calendarDate(options)(object, propertyName);
    rule(
      'isNotInPast',
      [],
      'must not be in the past',
      (v) => !isDate(v) || v >= today(),
      options,
    )(object, propertyName);
  };
}

/**
 * When `applies` holds for the object, the value must be one of `allowed` (e.g. a reason is required,
 * and must be a known one, only when a case is closed).
 */
export function IsOneOfWhen(
  applies: (object: Record<string, unknown>) => boolean,
  allowed: readonly string[],
  options?: ValidationOptions,
) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isOneOfWhen',
      target: object.constructor,
      propertyName,
      constraints: [allowed],
      options: { message: `${propertyName} must be one of: ${allowed.join(', ')}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          !applies(args.object as Record<string, unknown>) || allowed.includes(value as string),
      },
    });
}

/** Bidi embedding, override and isolate controls: they make a name display as something it is not. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** Something a reader can see: a letter, digit, punctuation mark or symbol, of any script. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * A name as people will read it on a screen or a list: no bidi controls (a name that displays as
 * another spoofs it) and not only invisible characters. Joiners inside a name (Indic scripts, emoji)
 * stay allowed. `{ each: true }` for a list of names.
 */
export function IsName(options?: ValidationOptions) {
  return rule(
    'isName',
    [],
    'must be a visible name, without bidi control characters',
    (v) => typeof v !== 'string' || (!BIDI_CONTROLS.test(v) && VISIBLE.test(v)),
    options,
  );
}

/**
 * A name field of a record (a compound, an embassy contact): trimmed and NFC-normalised, 1 to `max`
 * characters, a visible name (IsName). One rule for creating and editing alike, so an edit can never
 * store what creating refuses.
 */
export const NameText = (max: number) =>
  applyDecorators(NormalizedText(), IsString(), Length(1, max), IsName() as PropertyDecorator);
