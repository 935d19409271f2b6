import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function ReportsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('reports.home.title')} intro={t('reports.home.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
