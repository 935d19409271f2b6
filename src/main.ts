import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { loadConfigFromEnv } from './config/load-config';
import { resolveDatabase } from './database/resolve-database';
import { setupApp } from './setup-app';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const config = loadConfigFromEnv();

  // No DATABASE_URL: a real PostgreSQL of our own, kept in .data/ (git-ignored). It stops itself
  // on SIGINT/SIGTERM, so no signal handler of ours is added.
  const { url: databaseUrl } = await resolveDatabase(config);
  if (!config.databaseUrl)
    logger.log(`embedded PostgreSQL on port ${config.embeddedDatabasePort}, data in ${config.dataDir}`);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ databaseUrl }), {
    bufferLogs: true,
    bodyParser: false,
  });
  setupApp(app);
  await app.listen(config.port, config.host);
  logger.log(`Safe Return listening on http://localhost:${config.port} (docs: /api/docs)`);
}

bootstrap().catch((error: Error) => {
  // The message only: a config error names variables, never their values.
  console.error(`Failed to start: ${error.message}`);
  process.exit(1);
});
