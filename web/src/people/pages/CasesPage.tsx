import { useTranslation } from 'react-i18next';
import { Page } from '../../shell/Page';
import { CaseFiltersForm } from '../list/CaseFiltersForm';
import { CaseResults } from '../list/CaseResults';
import { hasFilters } from '../list/caseFilters';
import { useCaseFilters } from '../list/useCaseFilters';

/**
 * Every case the user may see, with every filter of GET /people kept in the address (bookmark it,
 * go Back), its count and keyset pages.
 */
export default function CasesPage() {
  const { t } = useTranslation();
  const { filters, update, clear } = useCaseFilters();
  return (
    <Page title={t('people.cases.title')} intro={t('people.cases.intro')}>
      <CaseFiltersForm filters={filters} onChange={update} onClear={clear} />
      <CaseResults filters={filters} onClear={hasFilters(filters) ? clear : undefined} />
    </Page>
  );
}
