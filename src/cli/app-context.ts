import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { loadConfigFromEnv } from '../config/load-config';
import { EMBEDDED_DATABASE, EMBEDDED_DEFAULT_PORT } from '../database/embedded-defaults';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

/**
 * DATABASE_URL, or else the embedded PostgreSQL in the data folder (started, or joined when
 * `npm start` already runs it). Shared by main.ts and the command-line tools.
 */
export async function resolveDatabase(
  config: AppConfig,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: join(config.dataDir),
    port: EMBEDDED_DEFAULT_PORT,
    databases: [EMBEDDED_DATABASE],
  });
  return { url: pg.urlFor(EMBEDDED_DATABASE), stop: () => pg.stop() };
}

/** The app's modules without HTTP, for one-off commands (migrations run as at start-up). */
export async function withAppContext(work: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  const config = loadConfigFromEnv();
  const db = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl: db.url }), {
    logger: ['log', 'warn', 'error'],
  });
  try {
    await work(app);
  } finally {
    await app.close();
    await db.stop();
  }
}
