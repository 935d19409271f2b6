import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as authenticator apps do it (SHA-1, 6 digits) with the contract's 30-second steps. */
const PERIOD_SECONDS = 30;
/** Shown by the authenticator app above the code. */
const ISSUER = 'Safe Return';

/** A new secret, base32, 20 random bytes (otplib's default, RFC 4226's recommendation). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** What the QR code holds: the secret, named by the product and the user's email. */
export function otpauthUrl(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret, period: PERIOD_SECONDS });
}

/**
 * The time step of a right code, within ±1 step of now (a clock a little off, a code typed as it
 * changes), and later than `afterStep`, so each step's code works once; undefined otherwise.
 */
export async function acceptedStep(
  secret: string,
  code: string,
  afterStep: number | null,
  nowMs = Date.now(),
): Promise<number | undefined> {
  const current = Math.floor(nowMs / 1000 / PERIOD_SECONDS);
  try {
    const result = await verify({
      secret,
      token: code,
      period: PERIOD_SECONDS,
      epoch: Math.floor(nowMs / 1000),
      epochTolerance: PERIOD_SECONDS,
      // otplib refuses (throws on) a bound beyond the window; a step that far ahead leaves no code valid.
      ...(afterStep === null ? {} : { afterTimeStep: Math.min(afterStep, current + 1) }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}
