import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { CurrentUser, Principal, Roles } from '../common/auth.decorators';
import { UserThrottle } from '../rate-limits/rate-limit.guard';
import { HtcdsQueryDto } from './dto/htcds-query.dto';
import { HtcdsService } from './htcds.service';

@ApiTags('exports')
@Controller('exports')
@Roles('admin', 'supervisor')
@UserThrottle()
export class ExportsController {
  constructor(private readonly htcds: HtcdsService) {}

  @Get('htcds')
  @ApiRoute('Cases registered in a date range, in HTCDS 2.0 columns, k-anonymous (k = 11)', 400)
  @ApiOkResponse({
    description: 'CSV, one line per case; the last line `# dropped,N`',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  htcdsExport(@Query() query: HtcdsQueryDto, @CurrentUser() actor: Principal): Promise<StreamableFile> {
    return this.htcds.export(query, actor);
  }
}
