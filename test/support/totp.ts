import { generate } from 'otplib';

/** The TOTP code of `secret` at now + `offsetMs` (RFC 6238, 30-second steps), as an authenticator app shows it. */
export const totpCode = (secret: string, offsetMs = 0): Promise<string> =>
  generate({ secret, epoch: Math.floor((Date.now() + offsetMs) / 1000) });
