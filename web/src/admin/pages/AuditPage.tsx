import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function AuditPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.audit.title')} intro={t('admin.audit.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
