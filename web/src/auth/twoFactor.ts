import { api, unwrap } from '../api/client';
import { mfaChanged } from './session';

/** A new secret for the authenticator app, pending until `activateMfa` gets a code from it. */
export function enrolMfa(): Promise<{ secret: string; otpauthUrl: string }> {
  return unwrap(api.POST('/api/v1/auth/mfa/enroll'));
}

/** On, with the 10 recovery codes the API shows this once. */
export async function activateMfa(code: string): Promise<string[]> {
  const { recoveryCodes } = await unwrap(api.POST('/api/v1/auth/mfa/activate', { body: { code } }));
  mfaChanged(true);
  return recoveryCodes;
}

export async function disableMfa(code: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/auth/mfa', { body: { code } }));
  mfaChanged(false);
}
