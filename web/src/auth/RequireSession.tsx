import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/client';
import { NotAllowedPage } from '../shell/NotAllowedPage';
import { useSession } from './session';

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Signed-in pages: the sign-in page otherwise, the password change first when one is pending. */
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
  if (session.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
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
