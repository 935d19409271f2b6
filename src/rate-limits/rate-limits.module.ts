import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';
import { THROTTLERS, trackUser } from './rate-limit.guard';
import { RateLimitStore } from './rate-limit.store';

/** The shared counters, for the throttler below and for features that count (the bulk-read guard). */
@Global()
@Module({
  providers: [RateLimitStore, PostgresThrottlerStorage],
  exports: [RateLimitStore, PostgresThrottlerStorage],
})
class RateLimitStoreModule {}

/** One mechanism for every request limit: @nestjs/throttler on storage in PostgreSQL. */
@Module({
  imports: [
    RateLimitStoreModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, PostgresThrottlerStorage],
      useFactory: (config: AppConfig, storage: PostgresThrottlerStorage) => ({
        storage,
        // RateLimitGuard sends the contract's Retry-After; no X-RateLimit-<name> headers.
        setHeaders: false,
        throttlers: [
          {
            name: THROTTLERS.signIn,
            ttl: config.auth.throttleTtlSeconds * 1000,
            limit: config.auth.throttleLimit,
          },
          {
            name: THROTTLERS.perUser,
            ttl: config.limits.userThrottleTtlSeconds * 1000,
            limit: config.limits.userThrottleLimit,
            getTracker: trackUser,
          },
        ],
      }),
    }),
  ],
})
export class RateLimitsModule {}
