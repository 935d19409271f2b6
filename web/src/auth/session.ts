import { useSyncExternalStore } from 'react';
import {
  api,
  endSession,
  onRefreshed,
  onSessionEnded,
  REFRESH_TRANSPORT,
  refreshSession,
  setAccessToken,
  unwrap,
  type Me,
  type SessionEndReason,
  type TokenPair,
} from '../api/client';

/**
 * Who is signed in, for the whole app. Kept in memory only: a reload asks the API again through
 * the refresh cookie (`restore`), so nothing about the sign-in is ever written to the browser's
 * storage.
 */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed_out'; endedBecause?: SessionEndReason }
  | { status: 'signed_in'; user: Me; mustChangePassword: boolean; mfaEnrollmentRequired: boolean };

let current: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  current = next;
  for (const listener of listeners) listener();
}

function signedIn(pair: TokenPair): void {
  setAccessToken(pair.accessToken);
  set({
    status: 'signed_in',
    user: pair.user,
    mustChangePassword: pair.mustChangePassword,
    mfaEnrollmentRequired: pair.mfaEnrollmentRequired,
  });
}

// A refresh may bring a changed role or a pending password change; an ended session signs out.
onRefreshed((pair) => {
  if (current.status !== 'restoring') signedIn(pair);
});
onSessionEnded((reason) => set({ status: 'signed_out', endedBecause: reason }));

/**
 * Signing out in one tab clears every tab of the app at once: on a shared laptop, a case left open
 * in another tab must not stay on screen after its user signed out.
 */
const tabs =
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('safe-return-session');
if (tabs) {
  tabs.onmessage = (event: MessageEvent<SessionEndReason>) => {
    if (current.status === 'signed_in') {
      endSession(event.data);
      set({ status: 'signed_out', endedBecause: event.data });
    }
  };
}

export function getSession(): SessionState {
  return current;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/**
 * The password step. Signed in, or, with two-factor sign-in on, the token of the second step (kept
 * by the page in memory, good once for 5 minutes). Throws the ApiError of a refusal (the page explains it).
 */
export async function signIn(email: string, password: string): Promise<{ mfaToken: string } | undefined> {
  const answer = await unwrap(
    api.POST('/api/v1/auth/login', { body: { email, password }, headers: REFRESH_TRANSPORT }),
  );
  if ('mfaRequired' in answer) return { mfaToken: answer.mfaToken };
  signedIn(answer);
  return undefined;
}

/** The second step: the 6-digit code of the authenticator app, or one of the recovery codes. */
export async function signInSecondStep(
  mfaToken: string,
  proof: { code: string } | { recoveryCode: string },
): Promise<void> {
  const pair = await unwrap(
    api.POST('/api/v1/auth/login/mfa', { body: { mfaToken, ...proof }, headers: REFRESH_TRANSPORT }),
  );
  signedIn(pair);
}

/** Two-factor sign-in turned on or off by this user: the demand to set it up ends with `on`. */
export function mfaChanged(on: boolean): void {
  if (current.status !== 'signed_in') return;
  set({
    ...current,
    user: { ...current.user, mfaEnabled: on },
    mfaEnrollmentRequired: current.mfaEnrollmentRequired && !on,
  });
}

/** On start: a sign-in survives a reload through the refresh cookie, if there is one. */
export async function restore(): Promise<void> {
  try {
    const pair = await refreshSession();
    if (pair) signedIn(pair);
    else set({ status: 'signed_out' });
  } catch {
    // The server could not be asked (offline, 503): show the sign-in page rather than wait.
    set({ status: 'signed_out' });
  }
}

/**
 * Ends the sign-in on the server (its cookie cleared) and here. The answer is not waited for
 * beyond a few seconds: signing out must work on a failing network too, and the memory is cleared
 * whatever the server says.
 */
export async function signOut(reason: SessionEndReason = 'signed_out'): Promise<void> {
  const logout = api
    .POST('/api/v1/auth/logout', { body: {}, headers: REFRESH_TRANSPORT })
    .catch(() => undefined);
  await Promise.race([logout, new Promise((resolve) => setTimeout(resolve, 3000))]);
  endSession(reason);
  set({ status: 'signed_out', endedBecause: reason });
  tabs?.postMessage(reason);
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
  if (current.status === 'signed_in') set({ ...current, mustChangePassword: false });
}
