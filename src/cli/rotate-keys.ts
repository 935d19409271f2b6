import { KeyRotation } from '../common/crypto/key-rotation.service';
import { withAppContext } from './app-context';

/**
 * `npm run keys:rotate`: re-encrypt every sensitive value under ENCRYPTION_ACTIVE_KEY_ID.
 * Safe while the app serves (see KeyRotation). Steps in the README.
 */
withAppContext(async (app) => {
  const results = await app.get(KeyRotation).rotate();
  for (const r of results) console.log(`${r.column}: ${r.rewritten}`);
}).catch((error: Error) => {
  console.error(`Key rotation failed: ${error.message}`);
  process.exit(1);
});
