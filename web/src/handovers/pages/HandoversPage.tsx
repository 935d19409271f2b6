import { useTranslation } from 'react-i18next';
import { Page } from '../../shell/Page';
import { HandoverBuilder } from '../components/HandoverBuilder';
import { PastHandovers } from '../components/PastHandovers';

/** The handover builder (one event for many people at once), then the events already recorded. */
export default function HandoversPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('handovers.list.title')} intro={t('handovers.list.intro')}>
      <HandoverBuilder />
      <PastHandovers />
    </Page>
  );
}
