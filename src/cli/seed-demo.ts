import { loadDemoOptions } from '../config/demo-options';
import { withAppContext } from './app-context';
import { seedDemo } from './demo-seed';

/**
 * `npm run seed:demo`: the demo data of demo-seed.ts, on DATABASE_URL or the embedded database.
 * DEMO_LEAVE_LAUKKAING_DEPARTURE=true leaves the Laukkaing departure unrecorded (config/demo-options.ts).
 */
withAppContext(async (app) => {
  await seedDemo(app, loadDemoOptions());
}).catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});
