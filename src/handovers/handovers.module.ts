import { Module } from '@nestjs/common';
import { ConsularModule } from '../consular/consular.module';
import { PeopleModule } from '../people/people.module';
import { HandoverReader } from './handover-reader.service';
import { HandoverRecorder } from './handover-recorder.service';
import { HandoversController } from './handovers.controller';
import { HandoversRepository } from './handovers.repository';

/**
 * Handover events: many people at once, at a border or a departure. People are seen through
 * PersonAccess and moved through PeopleMover only; this module writes handover_* tables and nothing else.
 */
@Module({
  imports: [PeopleModule, ConsularModule],
  controllers: [HandoversController],
  providers: [HandoversRepository, HandoverRecorder, HandoverReader],
})
export class HandoversModule {}
