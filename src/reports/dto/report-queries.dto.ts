import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

export const DIMENSIONS = ['nationality', 'compound', 'month', 'sex', 'ageBand'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const CASELOAD_GROUPS = ['status', 'nationality', 'compound', 'overdueStage'] as const;
export type CaseloadGroup = (typeof CASELOAD_GROUPS)[number];
export const FORMATS = ['json', 'csv'] as const;

class FormatQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: '`csv` answers text/csv' })
  @IsOptional()
  @IsIn(FORMATS, { message: `format must be one of: ${FORMATS.join(', ')}` })
  format?: (typeof FORMATS)[number];
}

/** A date range by departure (or by the later event), inclusive of the whole `to` day, UTC. */
class RangeQuery extends FormatQuery {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class RepatriationsQueryDto extends RangeQuery {
  @ApiProperty({ enum: DIMENSIONS })
  @IsIn(DIMENSIONS, { message: `groupBy must be one of: ${DIMENSIONS.join(', ')}` })
  groupBy: Dimension;
}

export class CrosstabQueryDto extends RangeQuery {
  @ApiProperty({ enum: DIMENSIONS })
  @IsIn(DIMENSIONS, { message: `rows must be one of: ${DIMENSIONS.join(', ')}` })
  rows: Dimension;

  @ApiProperty({ enum: DIMENSIONS })
  @IsIn(DIMENSIONS, { message: `columns must be one of: ${DIMENSIONS.join(', ')}` })
  columns: Dimension;
}

export class CaseloadQueryDto extends FormatQuery {
  @ApiProperty({ enum: CASELOAD_GROUPS })
  @IsIn(CASELOAD_GROUPS, { message: `groupBy must be one of: ${CASELOAD_GROUPS.join(', ')}` })
  groupBy: CaseloadGroup;
}

export class TimelinessQueryDto extends RangeQuery {
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-3 code', example: 'THA' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'nationality must be an alpha-3 code' })
  nationality?: string;
}
