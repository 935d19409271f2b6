import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { AuditService } from './audit.service';
import { AuditPageView, AuditVerifyView } from './dto/audit-entry.view';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiRoute('List audit entries, newest first', 400)
  list(@Query() query: AuditQueryDto, @CurrentUser() user: Principal): Promise<AuditPageView> {
    return this.audit.list(query, user);
  }

  @Get('verify')
  @Roles('admin')
  @ApiRoute('Recompute the hash chain and report the first broken entry')
  verify(): Promise<AuditVerifyView> {
    return this.audit.verify();
  }
}
