import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { dictionary } from '@zxcvbn-ts/language-common';
import { IsString, Length, Matches, registerDecorator, ValidationOptions } from 'class-validator';

/** Counted in characters (code points), as every length limit of the API. */
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;

/**
 * The common-password list zxcvbn-ts maintains (leaked-password frequency lists, most common first),
 * all of it: its 49,233 entries cover the contract's 10,000 most common and more ("password1234" is
 * 18,530th). Compared without regard to case or surrounding spaces, so "Password1234 " is refused
 * too: an attacker's list tries those variants first.
 */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export const COMMON_PASSWORD_COUNT = COMMON_PASSWORDS.size;

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}

function IsNotCommonPassword(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotCommonPassword',
      target: object.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} is one of the most common passwords: choose another`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !isCommonPassword(value) },
    });
}

/**
 * The one password rule, for every password a person chooses (a new account, a reset, a change):
 * 12 to 128 characters, not only whitespace, not a common password.
 */
export const AcceptablePassword = () =>
  applyDecorators(
    ApiProperty({
      format: 'password',
      minLength: PASSWORD_LENGTH.min,
      maxLength: PASSWORD_LENGTH.max,
      description: `${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters, not only whitespace, not a common password`,
    }),
    IsString(),
    Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, {
      message: ({ property }) =>
        `${property} must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters`,
    }),
    Matches(/\S/, { message: ({ property }) => `${property} must not be only whitespace` }),
    IsNotCommonPassword(),
  );
