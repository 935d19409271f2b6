import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { UserThrottle } from '../rate-limits/rate-limit.guard';
import {
  AcknowledgeDto,
  IdentityVerificationDto,
  ListCasesQueryDto,
  TravelDocumentDto,
} from './dto/notification.dto';
import { ConsularCasePageView, ConsularCaseView } from './dto/notification.view';
import { EmbassyCasesService } from './embassy-cases.service';

/**
 * The embassy's own routes: its nationals who asked for it, in the minimal view. A case outside the
 * officer's scope is a 404 on every route, exactly like a case that does not exist.
 */
@ApiTags('consular')
@Controller('consular/cases')
@Roles('consular')
export class EmbassyCasesController {
  constructor(private readonly cases: EmbassyCasesService) {}

  @Get()
  @UserThrottle()
  @ApiRoute('Your nationals who asked for their embassy, newest first', 400)
  @ApiOkResponse({ type: ConsularCasePageView })
  list(@Query() query: ListCasesQueryDto, @CurrentUser() actor: Principal): Promise<ConsularCasePageView> {
    return this.cases.list(query, actor);
  }

  @Get(':id')
  @ApiRoute('One case, minimal view (ETag)', 400, 404, 429)
  @ApiOkResponse({ type: ConsularCaseView })
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<ConsularCaseView> {
    return this.cases.get(id, actor);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiRoute('Acknowledge the notification to your embassy', 400, 404, 422)
  @ApiOkResponse({ type: ConsularCaseView })
  acknowledge(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AcknowledgeDto,
    @CurrentUser() actor: Principal,
  ): Promise<ConsularCaseView> {
    return this.cases.acknowledge(id, dto, actor);
  }

  @Post(':id/identity-verification')
  @HttpCode(200)
  @ApiRoute("Record that your embassy verified the person's identity", 400, 404, 422)
  @ApiOkResponse({ type: ConsularCaseView })
  verifyIdentity(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: IdentityVerificationDto,
    @CurrentUser() actor: Principal,
  ): Promise<ConsularCaseView> {
    return this.cases.verifyIdentity(id, dto, actor);
  }

  @Post(':id/travel-document')
  @HttpCode(200)
  @ApiRoute('Record the travel document your embassy issued', 400, 404, 422)
  @ApiOkResponse({ type: ConsularCaseView })
  issueTravelDocument(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: TravelDocumentDto,
    @CurrentUser() actor: Principal,
  ): Promise<ConsularCaseView> {
    return this.cases.issueTravelDocument(id, dto, actor);
  }
}
