import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { EMBEDDED_DEFAULT_PORT } from './embedded-defaults';

/**
 * Data source for the TypeORM CLI (`npm run migration:*`). Without DATABASE_URL it talks to the
 * embedded PostgreSQL that `npm start` runs, which must be up.
 */
export default new DataSource(
  dataSourceOptions(
    process.env.DATABASE_URL ?? `postgres://postgres:postgres@localhost:${EMBEDDED_DEFAULT_PORT}/safe_return`,
  ),
);
