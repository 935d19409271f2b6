import { Module } from '@nestjs/common';
import { CompoundsModule } from '../compounds/compounds.module';
import { ConsentsService } from './consents.service';
import { DuplicatesService } from './duplicates/duplicates.service';
import { ErasureService } from './erasure.service';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { PersonHistory } from './person-history';
import { PersonRecordsService } from './person-records.service';
import { TransitionsService } from './transitions.service';

@Module({
  imports: [CompoundsModule],
  controllers: [PeopleController],
  providers: [
    PeopleService,
    PeopleRepository,
    PersonHistory,
    TransitionsService,
    ConsentsService,
    PersonRecordsService,
    DuplicatesService,
    ErasureService,
  ],
})
export class PeopleModule {}
