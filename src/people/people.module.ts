import { Module } from '@nestjs/common';
import { PersonAccess } from './access/person-access.service';
import { PersonReadLog } from './access/person-reads';
import { CompoundsModule } from '../compounds/compounds.module';
import { UsersModule } from '../users/users.module';
import { ConsentsService } from './consents.service';
import { DuplicatesService } from './duplicates/duplicates.service';
import { PersonErasureHooks } from './erasure-hooks';
import { ErasureService } from './erasure.service';
import { PeopleController } from './people.controller';
import { PeopleMover } from './people-mover.service';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { PersonHistory } from './person-history';
import { PersonRecordsService } from './person-records.service';
import { RetentionJob } from './retention/retention-job';
import { RetentionService } from './retention/retention.service';
import { TransitionsService } from './transitions.service';

/**
 * People's public face (DESIGN.md §6): other features see a person only through PersonAccess (and write down that they showed one
 * through PersonReadLog), move
 * people only through PeopleMover, and forget a person when asked through PersonErasureHooks.
 * Nobody else writes `people`.
 */
@Module({
  imports: [CompoundsModule, UsersModule],
  controllers: [PeopleController],
  providers: [
    PeopleService,
    PeopleRepository,
    PersonHistory,
    PersonAccess,
    PersonReadLog,
    PeopleMover,
    PersonErasureHooks,
    TransitionsService,
    ConsentsService,
    PersonRecordsService,
    DuplicatesService,
    ErasureService,
    RetentionService,
    RetentionJob,
  ],
  exports: [PersonAccess, PersonReadLog, PeopleMover, PersonErasureHooks],
})
export class PeopleModule {}
