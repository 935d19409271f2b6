import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { ROLES, type Role } from '../../common/roles';
import { NormalizedText } from '../../common/validators';

export class UsersQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** Part of the email or the display name, without regard to case; `%` and `_` match themselves. */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, 200)
  q?: string;

  /** `true`: disabled accounts only; `false`: active ones only. */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
