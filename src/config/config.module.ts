import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';
import { loadConfigFromEnv } from './load-config';

/**
 * @nestjs/config loads and validates the environment once (see env.schema.ts); the rest of the
 * app injects the typed AppConfig instead of reading variables by name.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      ignoreEnvFile: true,
      cache: true,
      load: [() => ({ app: loadConfigFromEnv() })],
    }),
  ],
  providers: [
    {
      provide: AppConfig,
      useFactory: (config: ConfigService) => config.getOrThrow<AppConfig>('app'),
      inject: [ConfigService],
    },
  ],
  exports: [AppConfig],
})
export class AppConfigModule {}
