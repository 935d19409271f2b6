import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-docs';
import { Roles } from '../common/auth.decorators';
import { ROLES } from '../common/roles';
import { NationalitiesService } from './nationalities.service';
import { NationalityView } from './nationality.view';

@ApiTags('reference data')
@Controller('nationalities')
export class NationalitiesController {
  constructor(private readonly nationalities: NationalitiesService) {}

  @Get()
  @Roles(...ROLES)
  @ApiRoute('Nationality codes the API accepts')
  list(): NationalityView[] {
    return this.nationalities.list();
  }
}
