import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { PageQueryDto } from '../common/pagination';
import { CASE_STAFF } from '../common/roles';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateNotificationDto } from './dto/notification.dto';
import { CreatedNotificationView, NotificationPageView } from './dto/notification.view';
import { NotificationsService } from './notifications.service';

/** A person's consular notifications, for caseworkers: recorded here, read on the case page. */
@ApiTags('consular')
@Controller('people/:id/consular-notifications')
@Roles(...CASE_STAFF)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @ApiRoute('Record that an embassy was notified about the person (needs their consent)', 400, 404, 422)
  @ApiCreatedResponse({ type: CreatedNotificationView })
  create(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CreateNotificationDto,
    @CurrentUser() actor: Principal,
  ): Promise<CreatedNotificationView> {
    return this.notifications.create(id, dto, actor);
  }

  @Get()
  @ApiRoute("The person's consular notifications, newest first (an audited read)", 400, 404)
  @ApiOkResponse({ type: NotificationPageView })
  list(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() actor: Principal,
  ): Promise<NotificationPageView> {
    return this.notifications.list(id, query, actor);
  }
}
