import { Card, Loader, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Page } from '../../shell/Page';
import { AuditFiltersForm } from '../components/AuditFiltersForm';
import { NO_FILTERS } from '../components/auditFilters';
import { AuditTable } from '../components/AuditTable';
import { VerifyChain } from '../components/VerifyChain';
import { useAuditLog } from '../hooks/useAudit';
import { MoreButton } from '../../shell/MoreButton';

/** The administrator's audit log (API.md "Audit"): filtered, newest first, and its chain checked. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(NO_FILTERS);
  const log = useAuditLog(filters);
  return (
    <Page title={t('admin.audit.title')} intro={t('admin.audit.intro')}>
      <Card withBorder padding="md" component="section" aria-label={t('admin.audit.verify.title')}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('admin.audit.verify.title')}
          </Title>
          <VerifyChain />
        </Stack>
      </Card>
      <AuditFiltersForm applied={filters} onApply={setFilters} />
      <Stack gap="sm">
        {log.isPending && <Loader aria-label={t('common.loading')} />}
        <ErrorAlert error={log.error} title={t('admin.audit.loadFailed')} />
        {log.data && <AuditTable entries={log.data.pages.flatMap((p) => p.items)} />}
        <MoreButton pages={log} label={t('admin.audit.more')} />
      </Stack>
    </Page>
  );
}
