import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../common/roles';
import { NationalityCodes } from '../../common/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  displayName: string;

  /** At least 12 characters. */
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
  password: string;

  @IsIn(ROLES)
  role: Role;

  /** Required and non-empty for `consular`; refused for every other role. ISO 3166-1 alpha-3. */
  @IsOptional()
  @NationalityCodes()
  nationalities?: string[];
}
