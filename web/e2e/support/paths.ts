import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Screenshots of every run, git-ignored, for people to look at. */
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
