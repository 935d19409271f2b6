import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JWT_AUDIENCE, JWT_ISSUER } from './jwt-options';
import { JwtStrategy } from './jwt.strategy';
import { LoginLockout } from './login-lockout';
import { SessionsRepository } from './sessions.repository';

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
    // Per-IP limit on the sign-in routes (in memory: one app instance; see README for several).
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        { ttl: config.auth.throttleTtlSeconds * 1000, limit: config.auth.throttleLimit },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, SessionsRepository, LoginLockout],
})
export class AuthModule {}
