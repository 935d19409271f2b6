import { Module } from '@nestjs/common';
import { CompoundsController } from './compounds.controller';
import { CompoundsRepository } from './compounds.repository';
import { CompoundsService } from './compounds.service';

@Module({
  controllers: [CompoundsController],
  providers: [CompoundsService, CompoundsRepository],
  exports: [CompoundsRepository],
})
export class CompoundsModule {}
