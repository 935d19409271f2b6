import {
  AppShell,
  Burger,
  Button,
  Group,
  Menu,
  Modal,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { CHANGE_PASSWORD_PATH, pendingSetupPath, SECURITY_PATH } from '../auth/RequireSession';
import { signOut, useSession } from '../auth/session';
import { useIdleSignOut } from '../auth/useIdleSignOut';
import { navFor } from '../routes';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The frame of every signed-in page: header, the role's navigation, the page, the idle guard. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const signedIn = session.status === 'signed_in';
  const idle = useIdleSignOut(signedIn);
  useEffect(close, [location.pathname, close]);
  if (!signedIn) return null;
  const { user } = session;
  // While the account must first change its password or set up two-factor, no other page opens.
  const links = pendingSetupPath(session) ? [] : navFor(user.role);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={links.length ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                hidden={links.length === 0}
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Text component={Link} to="/" fw={700} c="blue.9" td="none" className="app-name">
                {t('common.appName')}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitcher />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton
                    className="account-button"
                    aria-label={t('shell.account', { name: user.displayName })}
                    data-testid="account-menu"
                  >
                    <Text size="sm" fw={600} truncate="end" maw={{ base: 72, sm: 200 }}>
                      {user.displayName}
                    </Text>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    {t('shell.signedInAs', { name: user.displayName, role: t(`shell.roles.${user.role}`) })}
                  </Menu.Label>
                  <Menu.Item component={Link} to={CHANGE_PASSWORD_PATH}>
                    {t('shell.changePassword')}
                  </Menu.Item>
                  <Menu.Item component={Link} to={SECURITY_PATH} data-testid="security-link">
                    {t('shell.security')}
                  </Menu.Item>
                  <Menu.Item onClick={() => void signOut()} data-testid="sign-out">
                    {t('shell.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        {links.length > 0 && (
          <AppShell.Navbar p="xs" id="main-navigation" aria-label={t('shell.navigation')} component="nav">
            <ScrollArea>
              <Stack gap={2}>
                {links.map((link) => (
                  <NavLink
                    key={link.path}
                    component={RouterNavLink}
                    to={`/${link.path}`}
                    end
                    label={t(link.nav!)}
                    active={location.pathname === `/${link.path}`}
                  />
                ))}
              </Stack>
            </ScrollArea>
          </AppShell.Navbar>
        )}

        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>

      <Modal
        opened={idle.secondsLeft !== undefined}
        onClose={idle.stay}
        title={t('shell.idleWarning.title')}
        closeButtonProps={{ 'aria-label': t('shell.idleWarning.stay') }}
        centered
      >
        <Stack>
          <Text role="alert">{t('shell.idleWarning.body', { count: idle.secondsLeft ?? 0 })}</Text>
          <Button onClick={idle.stay}>{t('shell.idleWarning.stay')}</Button>
        </Stack>
      </Modal>
    </>
  );
}
