import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { HtcdsRepository } from './htcds.repository';
import { HtcdsService } from './htcds.service';

/** Data sets for partners. Like reports, a read model across features' tables that only counts. */
@Module({ controllers: [ExportsController], providers: [HtcdsService, HtcdsRepository] })
export class ExportsModule {}
