import { ApiProperty } from '@nestjs/swagger';
import { CASELOAD_GROUPS, DIMENSIONS } from './report-queries.dto';

/** One published figure: `count` is null exactly when `suppressed` (never a hint of how small). */
export class ReportRowView {
  key: string;
  label: string;
  @ApiProperty({ type: Number, nullable: true })
  count: number | null;
  suppressed: boolean;
}

class ThresholdedView {
  /** The k of the caller's role; 0 for roles that see exact figures. */
  threshold: number;
  @ApiProperty({ type: Number, nullable: true })
  total: number | null;
  totalSuppressed: boolean;
}

export class RepatriationsReportView extends ThresholdedView {
  @ApiProperty({ enum: DIMENSIONS })
  groupBy: string;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  from: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  to: string | null;
  rows: ReportRowView[];
}

export class CaseloadReportView extends ThresholdedView {
  @ApiProperty({ enum: CASELOAD_GROUPS })
  groupBy: string;
  rows: ReportRowView[];
}

export class CrosstabCellView {
  row: string;
  column: string;
  @ApiProperty({ type: Number, nullable: true })
  count: number | null;
  suppressed: boolean;
}

export class CrosstabReportView extends ThresholdedView {
  @ApiProperty({ enum: DIMENSIONS })
  rows: string;
  @ApiProperty({ enum: DIMENSIONS })
  columns: string;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  from: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  to: string | null;
  cells: CrosstabCellView[];
  rowTotals: ReportRowView[];
  columnTotals: ReportRowView[];
}

export const METRICS = [
  'rescue_to_notification',
  'notification_to_identity_verified',
  'rescue_to_departure',
] as const;

export class TimelinessMetricView {
  @ApiProperty({ enum: METRICS })
  metric: string;
  @ApiProperty({ type: Number, nullable: true })
  medianHours: number | null;
  @ApiProperty({ type: Number, nullable: true })
  p90Hours: number | null;
  /** How many cases the figures rest on; null when suppressed, 0 when there were none. */
  @ApiProperty({ type: Number, nullable: true })
  cases: number | null;
  suppressed: boolean;
}

export class TimelinessReportView {
  @ApiProperty({ format: 'date', nullable: true, type: String })
  from: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  to: string | null;
  threshold: number;
  metrics: TimelinessMetricView[];
}
