import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';
import { HANDOVER_TYPES, type HandoverType } from '../handover-kinds';

export class ListHandoversQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(HANDOVER_TYPES)
  type?: HandoverType;

  /** Events on or after this day (UTC). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  /** Events on or before this day, the whole day (UTC). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  /** Where the event took place (alpha-3). */
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'countryCode must be an alpha-3 country code' })
  countryCode?: string;
}
