import { Global, Module } from '@nestjs/common';
import { NationalitiesController } from './nationalities.controller';
import { NationalitiesService } from './nationalities.service';

@Global()
@Module({
  controllers: [NationalitiesController],
  providers: [NationalitiesService],
  exports: [NationalitiesService],
})
export class NationalitiesModule {}
