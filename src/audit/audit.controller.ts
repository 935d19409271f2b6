import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { AuditService } from './audit.service';
import { AuditEntryView, AuditPageView, AuditVerifyView } from './dto/audit-entry.view';
import { AuditQueryDto } from './dto/audit-query.dto';
import { Page } from '../common/pagination';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  list(@Query() query: AuditQueryDto, @CurrentUser() user: Principal): Promise<Page<AuditEntryView>> {
    return this.audit.list(query, user) as Promise<AuditPageView>;
  }

  @Get('verify')
  @Roles('admin')
  verify(): Promise<AuditVerifyView> {
    return this.audit.verify();
  }
}
