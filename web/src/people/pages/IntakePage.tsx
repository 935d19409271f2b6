import { useTranslation } from 'react-i18next';
import { Page } from '../../shell/Page';
import { IntakeForm } from '../intake/IntakeForm';

/**
 * New intake (/cases/new): search before create. As the caseworker types a name, date of birth or
 * document number, people already registered who may be this one appear with the reasons; creating
 * a new record after seeing them is a deliberate step. Consents are asked before the record exists.
 */
export default function IntakePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('people.intake.title')} intro={t('people.intake.intro')}>
      <IntakeForm />
    </Page>
  );
}
