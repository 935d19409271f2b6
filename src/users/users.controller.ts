import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { IfMatch } from '../common/if-match';
import { CASE_STAFF } from '../common/roles';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AccountsService } from './accounts.service';
import { PasswordResetDto, UnlockDto } from './dto/account.dto';
import { StaffDirectoryView } from './dto/actor.view';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageView, UserView } from './dto/user.view';
import { UsersQueryDto } from './dto/users-query.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  @ApiRoute('Create a user', 400, 409, 413)
  @ApiCreatedResponse({ type: UserView })
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: Principal): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Get()
  @ApiRoute('List users, newest first; filter by role, disabled, and text in the email or name', 400)
  @ApiOkResponse({ type: UserPageView })
  list(@Query() query: UsersQueryDto, @CurrentUser() actor: Principal): Promise<UserPageView> {
    return this.users.list(query, actor);
  }

  // Declared before ':id' so that "directory" is not taken for an id.
  @Get('directory')
  @Roles(...CASE_STAFF)
  @ApiRoute('Active staff (admin, supervisor, caseworker) by name: id, display name and role')
  @ApiOkResponse({ type: StaffDirectoryView })
  directory(@CurrentUser() actor: Principal): Promise<StaffDirectoryView> {
    return this.users.directory(actor);
  }

  // Declared before ':id' so that "unlock" is not taken for an id.
  @Post('unlock')
  @HttpCode(204)
  @ApiRoute('End the sign-in lock of an email (failed sign-ins forgotten)', 400, 413)
  @ApiNoContentResponse({ description: 'Unlocked (also when it was not locked)' })
  unlock(@Body() dto: UnlockDto, @CurrentUser() actor: Principal): Promise<void> {
    return this.accounts.unlock(dto, actor);
  }

  @Get(':id')
  @ApiRoute('Get a user', 400, 404)
  @ApiOkResponse({ type: UserView })
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<UserView> {
    return this.users.get(id, actor);
  }

  @Patch(':id')
  @ApiRoute(
    'Edit a user (If-Match required); disabling ends every sign-in of theirs',
    400,
    404,
    412,
    413,
    422,
    428,
  )
  @ApiOkResponse({ type: UserView })
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateUserDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: Principal,
  ): Promise<UserView> {
    return this.users.update(id, dto, ifMatch, actor);
  }

  @Post(':id/password-reset')
  @HttpCode(204)
  @ApiRoute('Give a user a temporary password they must change at their next sign-in', 400, 404, 413)
  @ApiNoContentResponse({ description: 'Reset; every sign-in of the user ended' })
  resetPassword(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: PasswordResetDto,
    @CurrentUser() actor: Principal,
  ): Promise<void> {
    return this.accounts.resetPassword(id, dto, actor);
  }

  @Post(':id/mfa-reset')
  @HttpCode(204)
  @ApiRoute(
    "Turn off a user's two-factor sign-in (lost phone and recovery codes) and end their sign-ins",
    400,
    404,
  )
  @ApiNoContentResponse({
    description: 'Two-factor off, recovery codes gone, every sign-in of the user ended',
  })
  resetSecondFactor(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<void> {
    return this.accounts.resetSecondFactor(id, actor);
  }

  @Post(':id/revoke-sessions')
  @HttpCode(204)
  @ApiRoute('End every sign-in of a user', 400, 404)
  @ApiNoContentResponse({ description: 'Every sign-in of the user ended' })
  revokeSessions(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<void> {
    return this.accounts.revokeSessions(id, actor);
  }
}
