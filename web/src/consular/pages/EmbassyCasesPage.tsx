import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function EmbassyCasesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('consular.cases.title')} intro={t('consular.cases.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
