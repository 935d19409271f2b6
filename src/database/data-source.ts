import { DataSource } from 'typeorm';
import { loadDatabaseLocation } from '../config/load-config';
import { dataSourceOptions } from './data-source-options';
import { EMBEDDED_DATABASE } from './embedded-defaults';

const { databaseUrl, embeddedDatabasePort } = loadDatabaseLocation(process.env);

/**
 * Data source for the TypeORM CLI (`npm run migration:*`). Without DATABASE_URL it talks to the
 * embedded PostgreSQL that `npm start` runs, which must be up.
 */
export default new DataSource(
  dataSourceOptions(
    databaseUrl ?? `postgres://postgres:postgres@localhost:${embeddedDatabasePort}/${EMBEDDED_DATABASE}`,
  ),
);
