import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { IfMatch } from '../common/if-match';
import { CASE_STAFF } from '../common/roles';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ContactsService } from './contacts.service';
import { CreateContactDto, ListContactsQueryDto, UpdateContactDto } from './dto/contact.dto';
import { ContactPageView, ContactView } from './dto/contact.view';

/** Staff keep the contacts; an embassy reads those of its own countries (DESIGN.md §4). */
@ApiTags('consular')
@Controller('consular/contacts')
@Roles(...CASE_STAFF, 'consular')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post()
  @Roles(...CASE_STAFF)
  @ApiRoute('Add a consular contact', 400)
  @ApiCreatedResponse({ type: ContactView })
  create(@Body() dto: CreateContactDto, @CurrentUser() actor: Principal): Promise<ContactView> {
    return this.contacts.create(dto, actor);
  }

  @Get()
  @ApiRoute('List consular contacts (an embassy sees its own countries only)', 400)
  @ApiOkResponse({ type: ContactPageView })
  list(@Query() query: ListContactsQueryDto, @CurrentUser() actor: Principal): Promise<ContactPageView> {
    return this.contacts.list(query, actor);
  }

  @Get(':id')
  @ApiRoute('One consular contact (ETag)', 400, 404)
  @ApiOkResponse({ type: ContactView })
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<ContactView> {
    return this.contacts.get(id, actor);
  }

  @Patch(':id')
  @Roles(...CASE_STAFF)
  @ApiRoute('Edit a consular contact (If-Match)', 400, 404, 412, 428)
  @ApiOkResponse({ type: ContactView })
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateContactDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: Principal,
  ): Promise<ContactView> {
    return this.contacts.update(id, dto, ifMatch, actor);
  }
}
