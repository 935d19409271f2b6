import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { IsOptionalNotNull, IsPastTimestamp } from '../../common/validators';
import { NationalityClaimDto, PersonFieldsDto } from './create-person.dto';
import { LIMITS, Sex, SEXES } from './person-fields';

/**
 * Edits. `status` moves only through transitions; `id`, `caseNumber`, `version` and consents are not
 * editable here, and like any unknown field they are refused with 400.
 */
export class UpdatePersonDto extends PersonFieldsDto {
  @IsOptionalNotNull()
  @IsIn(SEXES)
  sex?: Sex;

  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1, { message: 'at least one nationality is required (XXX when unknown)' })
  @ArrayMaxSize(LIMITS.nationalities)
  @ValidateNested({ each: true })
  @Type(() => NationalityClaimDto)
  nationalities?: NationalityClaimDto[];

  @IsOptionalNotNull()
  @IsPastTimestamp()
  rescuedAt?: string;
}
