import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { IfMatch } from '../common/if-match';
import { PageQueryDto } from '../common/pagination';
import { CASE_STAFF } from '../common/roles';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { UserThrottle } from '../rate-limits/rate-limit.guard';
import { ConsentsService } from './consents.service';
import { CreatePersonDto } from './dto/create-person.dto';
import { DuplicatesQueryDto, ListPeopleQueryDto, PeopleFiltersDto } from './dto/people-queries.dto';
import {
  AccessLogPageView,
  ConsentPageView,
  ConsentView,
  DuplicatesView,
  HistoryPageView,
  PeopleCountView,
  PersonPageView,
  PersonView,
} from './dto/person.view';
import { RecordConsentDto, TransitionDto } from './dto/transition.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { DuplicatesService } from './duplicates/duplicates.service';
import { ErasureService } from './erasure.service';
import { PeopleService } from './people.service';
import { PersonRecordsService } from './person-records.service';
import { TransitionsService } from './transitions.service';

@ApiTags('people')
@Controller('people')
@Roles(...CASE_STAFF)
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly transitions: TransitionsService,
    private readonly consents: ConsentsService,
    private readonly records: PersonRecordsService,
    private readonly duplicates: DuplicatesService,
    private readonly erasure: ErasureService,
  ) {}

  @Post()
  @Idempotent('person', { peopleShown: (person) => [(person as PersonView).id] })
  @ApiRoute('Register a rescued person (intake)', 400, 409, 410, 413, 422)
  create(@Body() dto: CreatePersonDto, @CurrentUser() actor: Principal): Promise<PersonView> {
    return this.people.create(dto, actor);
  }

  @Get()
  @UserThrottle()
  @ApiRoute('List people: filters, sort orders, overdue cases; newest first by default', 400)
  list(@Query() query: ListPeopleQueryDto, @CurrentUser() actor: Principal): Promise<PersonPageView> {
    return this.people.list(query, actor);
  }

  // Declared before ':id' so that "count" and "duplicates" are not taken for an id.
  @Get('count')
  @UserThrottle()
  @ApiRoute("How many people match the list's filters (exact up to 10,000)", 400)
  count(@Query() query: PeopleFiltersDto, @CurrentUser() actor: Principal): Promise<PeopleCountView> {
    return this.people.count(query, actor);
  }

  @Get('duplicates')
  @UserThrottle()
  @ApiRoute('Find records that may be the same person', 400)
  findDuplicates(
    @Query() query: DuplicatesQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<DuplicatesView> {
    return this.duplicates.find(query, actor);
  }

  @Get(':id')
  @ApiRoute('Get a person', 400, 404, 429)
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<PersonView> {
    return this.people.get(id, actor);
  }

  @Patch(':id')
  @ApiRoute('Edit a person (If-Match required)', 400, 404, 412, 413, 422, 428)
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdatePersonDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: Principal,
  ): Promise<PersonView> {
    return this.people.update(id, dto, ifMatch, actor);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiRoute('Move a case to another status (If-Match required)', 400, 404, 412, 413, 422, 428)
  transition(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: TransitionDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: Principal,
  ): Promise<PersonView> {
    return this.transitions.transition(id, dto, ifMatch, actor);
  }

  @Get(':id/history')
  @ApiRoute("A person's history, newest first", 400, 404)
  history(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<HistoryPageView> {
    return this.records.history(id, query, actor);
  }

  @Post(':id/consents')
  @ApiRoute('Record a consent given or withdrawn (givenAt: when, for one taken on paper)', 400, 404, 413, 422)
  @ApiCreatedResponse({ type: ConsentView })
  recordConsent(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RecordConsentDto,
    @CurrentUser() actor: Principal,
  ): Promise<ConsentView> {
    return this.consents.record(id, dto, actor);
  }

  @Get(':id/consents')
  @ApiRoute(
    "Every grant and withdrawal of the person's consents, latest given first (an audited read)",
    400,
    404,
  )
  @ApiOkResponse({ type: ConsentPageView })
  listConsents(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<ConsentPageView> {
    return this.consents.list(id, query, actor);
  }

  @Get(':id/access-log')
  @Roles('admin', 'supervisor')
  @ApiRoute("Who read or changed a person's record, newest first", 400, 404)
  accessLog(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<AccessLogPageView> {
    return this.records.accessLog(id, query, actor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiRoute('Erase a person: wipe every personal field, keep the record for the figures', 400, 404)
  erase(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<void> {
    return this.erasure.erase(id, actor);
  }
}
