import { Module } from '@nestjs/common';
import { CompoundLookup } from './compound-lookup.service';
import { CompoundsController } from './compounds.controller';
import { CompoundsRepository } from './compounds.repository';
import { CompoundsService } from './compounds.service';

@Module({
  controllers: [CompoundsController],
  providers: [CompoundsService, CompoundsRepository, CompoundLookup],
  exports: [CompoundLookup],
})
export class CompoundsModule {}
