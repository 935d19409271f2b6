import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { IfMatch } from '../common/if-match';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageView, UserView } from './dto/user.view';
import { UsersQueryDto } from './dto/users-query.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiRoute('Create a user', 400, 409, 413)
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: Principal): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Get()
  @ApiRoute('List users, newest first; filter by role, disabled, and text in the email or name', 400)
  list(@Query() query: UsersQueryDto, @CurrentUser() actor: Principal): Promise<UserPageView> {
    return this.users.list(query, actor);
  }

  @Get(':id')
  @ApiRoute('Get a user', 400, 404)
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<UserView> {
    return this.users.get(id, actor);
  }

  @Patch(':id')
  @ApiRoute('Edit a user (If-Match required)', 400, 404, 412, 413, 422, 428)
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateUserDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: Principal,
  ): Promise<UserView> {
    return this.users.update(id, dto, ifMatch, actor);
  }
}
