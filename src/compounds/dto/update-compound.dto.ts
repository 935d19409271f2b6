import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { IsOptionalNotNull, NameText } from '../../common/validators';
import { COMPOUND_LIMITS, COMPOUND_STATUSES, type CompoundStatus } from './compound-fields';
import { CompoundFieldsDto } from './create-compound.dto';

/** Edits, with If-Match. `id` and `version` are not editable: like any unknown field they are a 400. */
export class UpdateCompoundDto extends CompoundFieldsDto {
  @IsOptionalNotNull()
  @NameText(COMPOUND_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ example: 'MMR', pattern: '^[A-Z]{3}$' })
  @IsOptionalNotNull()
  @Matches(/^[A-Z]{3}$/, { message: 'countryCode must be an alpha-3 country code' })
  countryCode?: string;

  @ApiPropertyOptional({ enum: COMPOUND_STATUSES })
  @IsOptionalNotNull()
  @IsIn(COMPOUND_STATUSES)
  status?: CompoundStatus;
}
