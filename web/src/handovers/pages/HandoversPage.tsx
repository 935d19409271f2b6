import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function HandoversPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('handovers.list.title')} intro={t('handovers.list.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
