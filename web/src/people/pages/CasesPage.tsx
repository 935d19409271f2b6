import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function CasesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('people.cases.title')} intro={t('people.cases.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
