import { useTranslation } from 'react-i18next';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the page's frame and heading; its content is still to be built. */
export default function EmbassyFiguresPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('consular.figures.title')} intro={t('consular.figures.intro')}>
      <NotBuiltYet />
    </Page>
  );
}
