import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Page } from '../../shell/Page';
import { AccessLogPanel } from '../case/AccessLogPanel';
import { CaseHeader } from '../case/CaseHeader';
import { ConsentsPanel } from '../case/ConsentsPanel';
import { ConsularPanel } from '../case/ConsularPanel';
import { DetailsPanel } from '../case/DetailsPanel';
import { ErasedNotice } from '../case/ErasedNotice';
import { ErasurePanel } from '../case/ErasurePanel';
import { HistoryPanel } from '../case/HistoryPanel';
import { NextSteps } from '../case/NextSteps';
import { useCurrentRole } from '../../auth/useCurrentRole';
import { usePerson } from '../case/usePerson';

/**
 * The case page (/cases/:id): one person's record as widgets (DHIS2 Capture, Primero v2): who and
 * where the case stands, its next steps, the person's details (and their editing), consents,
 * embassies, history; for a supervisor or an
 * administrator the record's access log; for an administrator, erasure.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const role = useCurrentRole();
  const person = usePerson(id);
  const data = person.data;

  return (
    <Page
      title={data ? t('people.case.title', { caseNumber: data.caseNumber }) : t('people.case.titleLoading')}
    >
      {person.isPending && <Text>{t('common.loading')}</Text>}
      <ErrorAlert error={person.error} title={t('people.case.loadFailed')} />
      {data && (
        <Stack gap="md">
          <Text>{t('people.case.intro')}</Text>
          <ErasedNotice person={data} />
          <CaseHeader person={data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Stack gap="md">
              {!data.erased && <NextSteps person={data} />}
              {!data.erased && <DetailsPanel person={data} />}
              <ConsentsPanel person={data} />
            </Stack>
            <Stack gap="md">
              <ConsularPanel person={data} />
              <HistoryPanel personId={data.id} />
            </Stack>
          </SimpleGrid>
          {(role === 'admin' || role === 'supervisor') && <AccessLogPanel personId={data.id} />}
          {role === 'admin' && <ErasurePanel person={data} />}
        </Stack>
      )}
    </Page>
  );
}
