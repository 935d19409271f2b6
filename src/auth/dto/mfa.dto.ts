import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const SIX_DIGITS = /^\d{6}$/;
const sixDigits = { message: 'code must be the 6 digits the authenticator app shows' };

export class MfaCodeDto {
  /** The 6-digit code the authenticator app shows now. */
  @IsString()
  @Matches(SIX_DIGITS, sixDigits)
  code: string;
}

/** The second step of a sign-in: the token of the first and either a code or a recovery code. */
export class LoginMfaDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  mfaToken: string;

  /** The 6-digit code the authenticator app shows now (or give `recoveryCode`). */
  @IsOptional()
  @IsString()
  @Matches(SIX_DIGITS, sixDigits)
  code?: string;

  /** One of the recovery codes shown at activation, each good once (case, spaces and dashes ignored). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  recoveryCode?: string;
}

export class MfaEnrolmentView {
  /** The TOTP secret (base32), for typing into an authenticator app by hand. */
  secret: string;
  /** `otpauth://totp/...`, the content of the QR code an authenticator app scans. */
  otpauthUrl: string;
}

export class RecoveryCodesView {
  /** 10 codes, each good for one sign-in without the authenticator; shown this once only. */
  recoveryCodes: string[];
}

/** The answer to a right password when the user has two-factor sign-in on. */
export class MfaChallengeView {
  @ApiProperty({ type: 'boolean', enum: [true] })
  mfaRequired: true;
  /** For POST /auth/login/mfa: works once, for `expiresIn` seconds. */
  mfaToken: string;
  expiresIn: number;
}
