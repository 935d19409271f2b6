import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homeOf } from '../auth/roles';
import { useSession } from '../auth/session';
import { Page } from './Page';

export function NotAllowedPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Page title={t('shell.notAllowed.title')}>
      <Text>{t('shell.notAllowed.body')}</Text>
      {session.status === 'signed_in' && (
        <Anchor component={Link} to={homeOf(session.user.role)}>
          {t('common.backHome')}
        </Anchor>
      )}
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('shell.notFound.title')}>
      <Text>{t('shell.notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Page>
  );
}
