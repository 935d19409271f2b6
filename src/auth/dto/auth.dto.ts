import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Role } from '../../common/roles';
import { AcceptablePassword } from '../../users/password-policy';

export class LoginDto {
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  /** Required, unless the request says `X-Refresh-Transport: cookie` (the token is then read from the cookie). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @AcceptablePassword()
  newPassword: string;
}

export class MeView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Countries a consular user acts for; `[]` for every other role. */
  nationalities: string[];
  /** Two-factor sign-in is on for this user (POST /auth/mfa/enroll to set it up, DELETE /auth/mfa to end it). */
  mfaEnabled: boolean;
}

export class TokenPairView {
  accessToken: string;
  /** Absent with `X-Refresh-Transport: cookie`: the refresh token is then in the httpOnly cookie. */
  refreshToken?: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /**
   * `true` after an administrator reset the password: every route but /auth/* answers 403
   * `PASSWORD_CHANGE_REQUIRED` until the user chooses a new one through POST /auth/password.
   */
  mustChangePassword: boolean;
  /**
   * `true` when the user's role requires two-factor sign-in (MFA_REQUIRED_ROLES) and it is not set
   * up: every route but /auth/* answers 403 `MFA_ENROLLMENT_REQUIRED` until it is activated.
   */
  mfaEnrollmentRequired: boolean;
  user: MeView;
}
