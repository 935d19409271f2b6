import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../common/roles';
import { IsName, NationalityCodes } from '../../common/validators';

export class UpdateUserDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  @IsName()
  displayName?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @NationalityCodes()
  nationalities?: string[];

  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
