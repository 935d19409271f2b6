import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/client';
import { NotAllowedPage } from '../shell/NotAllowedPage';
import { type SessionState, useSession } from './session';

export const CHANGE_PASSWORD_PATH = '/account/password';
export const SECURITY_PATH = '/account/security';

/**
 * The page a signed-in account must visit before any other, as the API asks (its 403
 * PASSWORD_CHANGE_REQUIRED and MFA_ENROLLMENT_REQUIRED, in that order); undefined when none.
 */
export function pendingSetupPath(session: SessionState): string | undefined {
  if (session.status !== 'signed_in') return undefined;
  if (session.mustChangePassword) return CHANGE_PASSWORD_PATH;
  if (session.mfaEnrollmentRequired) return SECURITY_PATH;
  return undefined;
}

/**
 * Signed-in pages: the sign-in page otherwise; first the password change when one is pending, then
 * the two-factor set-up when the role requires it (the API refuses every other page until then).
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session.status === 'restoring') {
    return (
      <Center h="100vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.status === 'signed_out') {
    // After an idle or expired end, signing in again leads back here; after signing out, it does not.
    const next = location.pathname + location.search;
    const back = next !== '/' && session.endedBecause !== 'signed_out';
    return <Navigate to={back ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} replace />;
  }
  const setup = pendingSetupPath(session);
  if (setup && location.pathname !== setup) return <Navigate to={setup} replace />;
  return <Outlet />;
}

/**
 * A page for some roles only. The API refuses the others anyway (403); this spares them a page
 * that could only fail, and says why.
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const session = useSession();
  if (session.status !== 'signed_in') return null;
  return roles.includes(session.user.role) ? <Outlet /> : <NotAllowedPage />;
}
