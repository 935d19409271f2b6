import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../common/roles';
import { IsName, NationalityCodes } from '../../common/validators';
import { AcceptablePassword } from '../password-policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  @IsName()
  displayName: string;

  @AcceptablePassword()
  password: string;

  @IsIn(ROLES)
  role: Role;

  /** Required and non-empty for `consular`; refused for every other role. ISO 3166-1 alpha-3. */
  @IsOptional()
  @NationalityCodes()
  nationalities?: string[];
}
