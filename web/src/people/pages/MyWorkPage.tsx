import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function MyWorkPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('people.myWork.title')} intro={t('people.myWork.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
