import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { ROLES } from '../common/roles';
import { UserThrottle } from '../rate-limits/rate-limit.guard';
import {
  CaseloadQueryDto,
  CrosstabQueryDto,
  RepatriationsQueryDto,
  TimelinessQueryDto,
} from './dto/report-queries.dto';
import {
  CaseloadReportView,
  CrosstabReportView,
  RepatriationsReportView,
  TimelinessReportView,
} from './dto/report.view';
import { crosstabCsv, oneWayCsv, timelinessCsv } from './report-csv';
import { ReportsService } from './reports.service';

type Answer<T> = T | StreamableFile;

/** Aggregate figures for every role, each at its threshold; `?format=csv` for a download. */
@ApiTags('reports')
@Controller('reports')
@Roles(...ROLES)
@UserThrottle()
@ApiProduces('application/json', 'text/csv')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('repatriations')
  @ApiRoute('People departed in a date range, by one dimension', 400)
  @ApiOkResponse({ type: RepatriationsReportView })
  async repatriations(
    @Query() q: RepatriationsQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<Answer<RepatriationsReportView>> {
    const view = await this.reports.repatriations(q, actor);
    return q.format === 'csv' ? oneWayCsv(`repatriations-by-${q.groupBy}`, view) : view;
  }

  @Get('repatriations/crosstab')
  @ApiRoute('People departed in a date range, by two dimensions with both margins', 400)
  @ApiOkResponse({ type: CrosstabReportView })
  async crosstab(
    @Query() q: CrosstabQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<Answer<CrosstabReportView>> {
    const view = await this.reports.crosstab(q, actor);
    return q.format === 'csv' ? crosstabCsv(`repatriations-${q.rows}-by-${q.columns}`, view) : view;
  }

  @Get('caseload')
  @ApiRoute('Open cases now, by status, nationality, compound or overdue stage', 400)
  @ApiOkResponse({ type: CaseloadReportView })
  async caseload(
    @Query() q: CaseloadQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<Answer<CaseloadReportView>> {
    const view = await this.reports.caseload(q, actor);
    return q.format === 'csv' ? oneWayCsv(`caseload-by-${q.groupBy}`, view) : view;
  }

  @Get('timeliness')
  @ApiRoute('Medians and 90th percentiles of the hours between case events', 400)
  @ApiOkResponse({ type: TimelinessReportView })
  async timeliness(
    @Query() q: TimelinessQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<Answer<TimelinessReportView>> {
    const view = await this.reports.timeliness(q, actor);
    return q.format === 'csv' ? timelinessCsv('timeliness', view) : view;
  }
}
