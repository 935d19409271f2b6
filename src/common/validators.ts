import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // JavaScript has a year 0, PostgreSQL does not (1 BC is followed by AD 1): it would be a 500 there.
  if (value.startsWith('0000')) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date YYYY-MM-DD that exists and is not after today (UTC). */
export function IsPastDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    documentedAs('date')(object, propertyName);
    registerDecorator({
      name: 'isPastDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date YYYY-MM-DD, not in the future`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          isRealDate(value) &&
          value >= '1900-01-01' &&
          value <= new Date().toISOString().slice(0, 10),
      },
    });
  };
}

/** A calendar date YYYY-MM-DD (any day). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    documentedAs('date')(object, propertyName);
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isRealDate(value) },
    });
  };
}

/** An ISO 8601 timestamp with a time zone, not in the future (beyond a minute of clock skew). */
export function IsPastTimestamp(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    documentedAs('date-time')(object, propertyName);
    registerDecorator({
      name: 'isPastTimestamp',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an ISO 8601 timestamp with a time zone, not in the future`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))
            return false;
          const t = Date.parse(value);
          return !Number.isNaN(t) && t >= Date.UTC(1990, 0, 1) && t <= Date.now() + CLOCK_SKEW_MS;
        },
      },
    });
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
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotPastDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date YYYY-MM-DD, not in the past`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isRealDate(value) && value >= new Date().toISOString().slice(0, 10),
      },
    });
}
