import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NotBuiltYet, Page } from '../../shell/Page';

/** Placeholder: the case page (person, history, consents, next steps from `allowedTransitions`). */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <Page title={t('people.case.title', { id })}>
      <NotBuiltYet />
    </Page>
  );
}
