import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate } from 'react-router';
import ChangePasswordPage from './auth/ChangePasswordPage';
import { RequireRole, RequireSession } from './auth/RequireSession';
import { homeOf } from './auth/roles';
import { useSession } from './auth/session';
import SignInPage from './auth/SignInPage';
import { APP_ROUTES } from './routes';
import { NotFoundPage } from './shell/NotAllowedPage';
import { Shell } from './shell/Shell';

function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function Home() {
  const session = useSession();
  return session.status === 'signed_in' ? <Navigate to={homeOf(session.user.role)} replace /> : null;
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', Component: SignInPage },
    {
      Component: RequireSession,
      children: [
        {
          Component: Shell,
          children: [
            { index: true, Component: Home },
            { path: 'account/password', Component: ChangePasswordPage },
            {
              path: 'account/security',
              lazy: async () => ({ Component: (await import('./auth/SecurityPage')).default }),
              HydrateFallback: PageLoading,
            },
            ...APP_ROUTES.map((route) => ({
              element: <RequireRole roles={route.roles} />,
              children: [
                {
                  path: route.path,
                  lazy: async () => ({ Component: (await route.load()).default }),
                  HydrateFallback: PageLoading,
                },
              ],
            })),
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
