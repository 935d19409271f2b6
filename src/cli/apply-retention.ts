import { RetentionService } from '../people/retention/retention.service';
import { withAppContext } from './app-context';

/**
 * `npm run retention:apply`: erase the cases closed more than RETENTION_CLOSED_YEARS ago now, as the
 * app's daily job does (README "Retention"). `--dry-run` only prints how many are due. Prints counts
 * and dates, never anything about a person.
 */
const USAGE = 'usage: retention:apply [--dry-run]';
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
if (args.some((a) => a !== '--dry-run')) {
  console.error(USAGE);
  process.exit(2);
}

withAppContext(async (app) => {
  const retention = app.get(RetentionService);
  if (dryRun) {
    const { cutoff, due } = await retention.countDue();
    console.log(`dry run: ${due} closed case(s) closed before ${cutoff.toISOString()} would be erased`);
    return;
  }
  const outcome = await retention.apply();
  if (!outcome.ran) {
    console.log('skipped: another retention run holds the lock (an app instance or another command)');
    return;
  }
  console.log(`erased ${outcome.erased} closed case(s) closed before ${outcome.cutoff.toISOString()}`);
  if (outcome.vacuumed.length) console.log(`vacuumed: ${outcome.vacuumed.join(', ')}`);
}).catch((error: Error) => {
  console.error(`Retention failed: ${error.message}`);
  process.exit(1);
});
