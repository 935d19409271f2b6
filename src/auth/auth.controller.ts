import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ApiPublicRoute, ApiRoute } from '../common/api-docs';
import { AccountSetupRoute, CurrentUser, Principal, Public, Roles } from '../common/auth.decorators';
import { ROLES } from '../common/roles';
import { SignInThrottle } from '../rate-limits/rate-limit.guard';
import { AuthService, toMe } from './auth.service';
import { ChangePasswordDto, LoginDto, MeView, RefreshDto, TokenPairView } from './dto/auth.dto';
import { LoginMfaDto, MfaChallengeView } from './dto/mfa.dto';
import { ApiRefreshTransport, type RefreshTransport, Transport } from './refresh-transport';

// Open to a user who must change a reset password or set up two-factor sign-in first: these routes
// are how they do it.
@ApiTags('auth')
@Controller('auth')
@AccountSetupRoute()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  // Per-IP throttling on the routes that take credentials only: an office behind one address must
  // not throttle its own /auth/me calls. Counted in the database, so every instance counts together.
  @Post('login')
  @Public()
  @ApiPublicRoute('Sign in with email and password', 400, 401, 413, 429)
  @ApiRefreshTransport('sets the cookie', { status: 200, type: [TokenPairView, MfaChallengeView] })
  @SignInThrottle()
  @HttpCode(200)
  login(
    @Body() dto: LoginDto,
    @Transport() transport: RefreshTransport,
  ): Promise<TokenPairView | MfaChallengeView> {
    return this.auth.login(dto, transport);
  }

  @Post('login/mfa')
  @Public()
  @ApiPublicRoute(
    'Second step of a sign-in with two-factor on: the token of the first step and a code',
    400,
    401,
    413,
    429,
  )
  @ApiRefreshTransport('sets the cookie', { status: 200, type: TokenPairView })
  @SignInThrottle()
  @HttpCode(200)
  loginMfa(@Body() dto: LoginMfaDto, @Transport() transport: RefreshTransport): Promise<TokenPairView> {
    return this.auth.loginMfa(dto, transport);
  }

  @Post('refresh')
  @Public()
  @ApiPublicRoute('Trade a refresh token for a new token pair (each works once)', 400, 401, 413, 429)
  @ApiRefreshTransport('reads the cookie and sets the next one', { status: 200, type: TokenPairView })
  @SignInThrottle()
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @Transport() transport: RefreshTransport): Promise<TokenPairView> {
    return this.auth.refresh(dto, transport);
  }

  @Post('logout')
  @Roles(...ROLES)
  @ApiRoute('Sign out: end this sign-in and the one the refresh token belongs to', 400, 413)
  @ApiRefreshTransport('reads the cookie and clears it', { status: 204 })
  @HttpCode(204)
  logout(
    @CurrentUser() user: Principal,
    @Body() dto: RefreshDto,
    @Transport() transport: RefreshTransport,
  ): Promise<void> {
    return this.auth.logout(user, dto, transport);
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiRoute('The signed-in user')
  me(@CurrentUser() user: Principal): MeView {
    return toMe(user);
  }

  @Post('password')
  @Roles(...ROLES)
  @ApiRoute("Change one's own password: every other sign-in of the user ends", 400, 401, 413, 429)
  @ApiNoContentResponse({ description: 'Changed; this sign-in goes on, every other one ended' })
  @SignInThrottle()
  @HttpCode(204)
  changePassword(@CurrentUser() user: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto);
  }
}
