import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './common/access.guard';
import { EtagInterceptor } from './common/etag.interceptor';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { DatabaseLocation } from './database/resolve-database';
import { HealthModule } from './health/health.module';
import { loggerParams } from './logging';
import { NationalitiesModule } from './nationalities/nationalities.module';
import { UsersModule } from './users/users.module';
import { PeopleModule } from './people/people.module';
import { ConsularModule } from './consular/consular.module';
import { ReportsModule } from './reports/reports.module';
import { ExportsModule } from './exports/exports.module';
import { CompoundsModule } from './compounds/compounds.module';
import { HandoversModule } from './handovers/handovers.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { WebModule } from './web/web.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';

export interface AppModuleOptions {
  /** The embedded PostgreSQL started by main.ts or a command; otherwise DATABASE_URL is used. */
  database?: DatabaseLocation;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule,
        LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
        DatabaseModule.forRoot(options.database),
        AuditModule,
        CryptoModule,
        IdempotencyModule,
        RateLimitsModule,
        NationalitiesModule,
        AuthModule,
        UsersModule,
        HealthModule,
        CompoundsModule,
        PeopleModule,
        ConsularModule,
        ReportsModule,
        ExportsModule,
        HandoversModule,
        WebModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
      ],
    };
  }
}
