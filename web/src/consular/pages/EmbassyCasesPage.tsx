import { Group, Loader, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Page } from '../../shell/Page';
import { CASE_STATUSES } from '../components/caseStatuses';
import { EmbassyCaseList } from '../components/EmbassyCaseList';
import { EmbassyCaseView } from '../components/EmbassyCaseView';
import { type CaseStatus, useEmbassyCases } from '../hooks/useEmbassyCases';

/**
 * The embassy officer's nationals (API.md "Consular coordination"): a list filtered by status, and
 * one case at a time (`?case=<id>`) with the embassy's acts on it. Both hold the state in the
 * address, so the browser's back button goes from a case to the list.
 */
export default function EmbassyCasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const caseId = params.get('case') ?? undefined;
  return (
    <Page title={t('consular.cases.title')} intro={t('consular.cases.intro')}>
      {caseId ? (
        <EmbassyCaseView id={caseId} />
      ) : (
        <CaseList
          status={(params.get('status') as CaseStatus | null) ?? undefined}
          onStatus={(status) => setParams(status ? { status } : {})}
        />
      )}
    </Page>
  );
}

function CaseList({ status, onStatus }: { status?: CaseStatus; onStatus: (s: CaseStatus | null) => void }) {
  const { t } = useTranslation();
  const query = useEmbassyCases(status);
  return (
    <Stack gap="md">
      <Group align="end">
        <Select
          label={t('consular.cases.statusFilter')}
          placeholder={t('consular.cases.anyStatus')}
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`common.status.${s}`) }))}
          value={status ?? null}
          onChange={(s) => onStatus(s as CaseStatus | null)}
          clearable
          w={{ base: '100%', xs: 280 }}
        />
      </Group>
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={query.error} title={t('consular.cases.loadFailed')} />
      {query.data && (
        <EmbassyCaseList
          cases={query.data.pages.flatMap((p) => p.items)}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onMore={() => void query.fetchNextPage()}
        />
      )}
    </Stack>
  );
}
