import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function UsersPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.users.title')} intro={t('admin.users.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
