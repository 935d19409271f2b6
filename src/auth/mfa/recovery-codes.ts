import { randomInt } from 'node:crypto';

/** How many a user gets at activation (the contract's 10), each good for one sign-in. */
export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a code copied by hand from paper is read back right. */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const LENGTH = 12;

/** Ten fresh codes as the user sees them, `ABCD-EFGH-JKMN` (about 55 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** A typed code as it is digested: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
