import { withAppContext } from './app-context';
import { seedDemo } from './demo-seed';

/** `npm run seed:demo`: the demo data of demo-seed.ts, on DATABASE_URL or the embedded database. */
withAppContext(async (app) => {
  await seedDemo(app);
}).catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});
