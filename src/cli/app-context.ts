import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfigFromEnv } from '../config/load-config';
import { resolveDatabase } from '../database/resolve-database';

/** The app's modules without HTTP, for one-off commands (migrations run as at start-up). */
export async function withAppContext(work: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  const config = loadConfigFromEnv();
  const db = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ database: db }), {
    logger: ['log', 'warn', 'error'],
  });
  try {
    await work(app);
  } finally {
    await app.close();
    await db.stop();
  }
}
