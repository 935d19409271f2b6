import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { ApiPublicRoute } from '../common/api-docs';
import { Public } from '../common/auth.decorators';
import { HealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  // 200 when the database answers within 2 s; else 503 with the same shape, for monitors.
  @Get()
  @Public()
  @ApiPublicRoute('Whether the app and its database answer')
  @ApiOkResponse({ type: HealthView })
  @ApiResponse({ status: 503, type: HealthView, description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    try {
      await this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(503);
      return { status: 'error', database: 'down' };
    }
  }
}
