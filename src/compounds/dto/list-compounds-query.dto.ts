import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { NormalizedText } from '../../common/validators';
import { COMPOUND_LIMITS, COMPOUND_STATUSES, type CompoundStatus } from './compound-fields';

export class ListCompoundsQueryDto extends PageQueryDto {
  /**
   * A name or alias, typos, case, accents and spacing forgiven ("Shwe Koko", "KKPark"). With `q` the
   * best matches come first, in one page (`nextCursor` is null).
   */
  @ApiPropertyOptional({ maxLength: COMPOUND_LIMITS.name })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, COMPOUND_LIMITS.name)
  q?: string;

  @ApiPropertyOptional({ example: 'MMR', pattern: '^[A-Z]{3}$' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'countryCode must be an alpha-3 country code' })
  countryCode?: string;

  @ApiPropertyOptional({ enum: COMPOUND_STATUSES })
  @IsOptional()
  @IsIn(COMPOUND_STATUSES)
  status?: CompoundStatus;
}
