import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { IfMatch } from '../common/if-match';
import { PageQueryDto } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageView, UserView } from './dto/user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: Principal): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Get()
  list(@Query() query: PageQueryDto, @CurrentUser() actor: Principal): Promise<UserPageView> {
    return this.users.list(query, actor);
  }

  @Get(':id')
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: Principal): Promise<UserView> {
    return this.users.get(id, actor);
  }

  @Patch(':id')
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateUserDto,
    @IfMatch() ifMatch: string | undefined,
    @CurrentUser() actor: Principal,
  ): Promise<UserView> {
    return this.users.update(id, dto, ifMatch, actor);
  }
}
