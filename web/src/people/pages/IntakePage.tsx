import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function IntakePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('people.intake.title')} intro={t('people.intake.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
