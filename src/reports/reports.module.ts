import { Module } from '@nestjs/common';
import { NationalitiesModule } from '../nationalities/nationalities.module';
import { ReportCompaction } from './report-compaction';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * Aggregate reports. They count from their own read model (report_* tables, which the database keeps
 * current from people, their nationalities, consents and consular notifications), and look up compound
 * names: they write nothing but their audit entries and the ledger's folds, and never hand out a row
 * about one person.
 */
@Module({
  imports: [NationalitiesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository, ReportCompaction],
})
export class ReportsModule {}
