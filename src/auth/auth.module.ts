import { Module, OnModuleInit } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../config/app-config';
import { UserSignIns } from '../users/user-sign-ins';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JWT_AUDIENCE, JWT_ISSUER } from './jwt-options';
import { JwtStrategy } from './jwt.strategy';
import { LoginLockout } from './login-lockout';
import { MfaChallengesRepository } from './mfa/mfa-challenges.repository';
import { MfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { SecondFactorCodes } from './mfa/second-factor-codes';
import { SecondFactorSignIn } from './mfa/second-factor-sign-in';
import { SessionsRepository } from './sessions.repository';
import { SignInFailures } from './sign-in-failures';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.auth.accessTokenTtlSeconds,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        },
      }),
    }),
  ],
  controllers: [AuthController, MfaController],
  providers: [
    AuthService,
    JwtStrategy,
    SessionsRepository,
    LoginLockout,
    SignInFailures,
    MfaService,
    MfaChallengesRepository,
    SecondFactorCodes,
    SecondFactorSignIn,
  ],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly signIns: UserSignIns,
    private readonly sessions: SessionsRepository,
    private readonly lockout: LoginLockout,
  ) {}

  /** Users end sign-ins and locks through UserSignIns; sessions and failed sign-ins are kept here. */
  onModuleInit(): void {
    this.signIns.attach({
      endSignIns: (m, userId, reason, keep) => this.sessions.revokeAllOfUser(m, userId, reason, keep),
      clearFailures: (m, email) => this.lockout.clear(m, LoginLockout.keyOf(email)),
    });
  }
}
