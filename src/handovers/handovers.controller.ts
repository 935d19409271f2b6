import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { CASE_STAFF } from '../common/roles';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateHandoverDto, CreateHandoverQueryDto, isDryRun } from './dto/create-handover.dto';
import { ListHandoversQueryDto } from './dto/handover-queries.dto';
import { HandoverDryRunView, HandoverPageView, HandoverView } from './dto/handover.view';
import { HandoverReader } from './handover-reader.service';
import { HandoverRecorder } from './handover-recorder.service';

@ApiTags('handovers')
@Controller('handovers')
@Roles(...CASE_STAFF, 'consular')
export class HandoversController {
  constructor(
    private readonly recorder: HandoverRecorder,
    private readonly reader: HandoverReader,
  ) {}

  @Post()
  @Roles(...CASE_STAFF)
  @Idempotent('handover', {
    skip: isDryRun,
    peopleShown: (event) => (event as HandoverView).people.map((p) => p.personId),
  })
  @ApiRoute(
    'Record a handover event and its people atomically, or check it with ?dryRun=true',
    400,
    409,
    410,
    413,
    415,
    422,
  )
  @ApiCreatedResponse({ type: HandoverView, description: 'Recorded' })
  @ApiOkResponse({ type: HandoverDryRunView, description: 'Dry run: what the same body would do' })
  create(
    @Body() dto: CreateHandoverDto,
    @Query() query: CreateHandoverQueryDto,
    @CurrentUser() actor: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HandoverView | HandoverDryRunView> {
    if (!query.dryRun) return this.recorder.record(dto, actor);
    res.status(200); // a dry run creates nothing
    return this.recorder.dryRun(dto, actor);
  }

  @Get()
  @ApiRoute('Handover events, newest first (an embassy: those holding people it may see)', 400)
  @ApiOkResponse({ type: HandoverPageView })
  list(@Query() query: ListHandoversQueryDto, @CurrentUser() actor: Principal): Promise<HandoverPageView> {
    return this.reader.list(query, actor);
  }

  @Get(':id')
  @ApiRoute('One handover event with its people (an embassy: only those it may see, no notes)', 400, 404, 429)
  @ApiOkResponse({ type: HandoverView })
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<HandoverView> {
    return this.reader.get(id, actor);
  }
}
