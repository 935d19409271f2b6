import { Body, Controller, Delete, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiRoute } from '../../common/api-docs';
import { AccountSetupRoute, CurrentUser, type Principal, Roles } from '../../common/auth.decorators';
import { ROLES } from '../../common/roles';
import { MfaCodeDto, MfaEnrolmentView, RecoveryCodesView } from '../dto/mfa.dto';
import { MfaService } from './mfa.service';

// Open to a user whose role requires two-factor sign-in and who has none yet: this is how they set it up.
@ApiTags('auth')
@Controller('auth/mfa')
@AccountSetupRoute()
@Roles(...ROLES)
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Post('enroll')
  @ApiRoute('Start two-factor sign-in: a new secret, pending until a code activates it', 413, 422)
  @ApiOkResponse({ type: MfaEnrolmentView })
  @HttpCode(200)
  enroll(@CurrentUser() user: Principal): Promise<MfaEnrolmentView> {
    return this.mfa.enroll(user);
  }

  @Post('activate')
  @ApiRoute('Turn two-factor sign-in on with a first code: 10 recovery codes, shown once', 400, 413, 422, 429)
  @ApiOkResponse({ type: RecoveryCodesView })
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  activate(@CurrentUser() user: Principal, @Body() dto: MfaCodeDto): Promise<RecoveryCodesView> {
    return this.mfa.activate(user, dto);
  }

  @Delete()
  @ApiRoute('Turn two-factor sign-in off (refused for a role that requires it)', 400, 413, 422, 429)
  @ApiNoContentResponse({ description: 'Off; the recovery codes no longer work' })
  @UseGuards(ThrottlerGuard)
  @HttpCode(204)
  disable(@CurrentUser() user: Principal, @Body() dto: MfaCodeDto): Promise<void> {
    return this.mfa.disable(user, dto);
  }
}
