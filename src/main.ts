import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigFromEnv } from './config/load-config';
import { resolveDatabase } from './database/resolve-database';

/**
 * The app's modules take a second or more to load. Loaded while the embedded PostgreSQL (or its
 * initdb) works in its own process rather than before it starts, they add almost nothing to a start.
 */
function loadApp() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('@nestjs/core') as typeof import('@nestjs/core')),
    ...(require('./app.module') as typeof import('./app.module')),
    ...(require('./setup-app') as typeof import('./setup-app')),
    ...(require('./graceful-shutdown') as typeof import('./graceful-shutdown')),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const config = loadConfigFromEnv();

  // No DATABASE_URL: a real PostgreSQL of our own, kept in .data/ (git-ignored). Until the app
  // listens, it stops itself on SIGINT/SIGTERM; from then on stopGracefullyOnSignals stops it, after
  // the requests in flight.
  let processRunning: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (processRunning = resolve));
  const database = resolveDatabase(config, () => processRunning());
  await Promise.race([running, database]);
  const { NestFactory, AppModule, setupApp, stopGracefullyOnSignals } = loadApp();
  const location = await database;
  if (!config.databaseUrl)
    logger.log(`embedded PostgreSQL on port ${config.embeddedDatabasePort}, data in ${config.dataDir}`);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ database: location }), {
    bufferLogs: true,
    bodyParser: false,
  });
  setupApp(app);
  await app.listen(config.port, config.host);
  stopGracefullyOnSignals(app, location.stop);
  logger.log(`Safe Return listening on http://localhost:${config.port} (docs: /api/docs)`);
}

bootstrap().catch((error: Error) => {
  // The message only: a config error names variables, never their values.
  console.error(`Failed to start: ${error.message}`);
  process.exit(1);
});
