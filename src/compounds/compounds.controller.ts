import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { IfMatch } from '../common/if-match';
import { CASE_STAFF } from '../common/roles';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CompoundsService } from './compounds.service';
import { CompoundPageView, CompoundView } from './dto/compound.view';
import { CreateCompoundDto } from './dto/create-compound.dto';
import { ListCompoundsQueryDto } from './dto/list-compounds-query.dto';
import { UpdateCompoundDto } from './dto/update-compound.dto';

/** Case staff write; embassies read too (DESIGN.md §4). */
const READERS = [...CASE_STAFF, 'consular'] as const;

@ApiTags('compounds')
@Controller('compounds')
@Roles(...CASE_STAFF)
export class CompoundsController {
  constructor(private readonly compounds: CompoundsService) {}

  @Post()
  @ApiRoute('Record a compound', 400)
  @ApiCreatedResponse({ type: CompoundView })
  create(@Body() dto: CreateCompoundDto, @CurrentUser() actor: Principal): Promise<CompoundView> {
    return this.compounds.create(dto, actor);
  }

  @Get()
  @Roles(...READERS)
  @ApiRoute('List compounds, or search them by name or alias (typo-tolerant)', 400)
  @ApiOkResponse({ type: CompoundPageView })
  list(@Query() query: ListCompoundsQueryDto): Promise<CompoundPageView> {
    return this.compounds.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiRoute('One compound, with its version as ETag', 400, 404)
  @ApiOkResponse({ type: CompoundView })
  get(@Param('id', UuidParamPipe) id: string): Promise<CompoundView> {
    return this.compounds.get(id);
  }

  @Patch(':id')
  @ApiRoute('Edit a compound (If-Match)', 400, 404, 412, 428)
  @ApiOkResponse({ type: CompoundView })
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateCompoundDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: Principal,
  ): Promise<CompoundView> {
    return this.compounds.update(id, dto, ifMatch, actor);
  }
}
