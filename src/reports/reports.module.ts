import { Module } from '@nestjs/common';
import { NationalitiesModule } from '../nationalities/nationalities.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * Aggregate reports. The one read model allowed to query across features' tables (people, their
 * nationalities, consular notifications, compounds), and only to count: it writes nothing but its
 * audit entries, and never hands out a row about one person.
 */
@Module({
  imports: [NationalitiesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository],
})
export class ReportsModule {}
