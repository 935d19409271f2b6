import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { AcceptablePassword } from '../password-policy';

export class PasswordResetDto {
  /** Handed to the user outside the app; they must replace it at their next sign-in. */
  @AcceptablePassword()
  temporaryPassword: string;
}

export class UnlockDto {
  /** The email whose failed sign-ins locked it, in any letter case. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}
