import { Card, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Page } from '../../shell/Page';
import { FigureTable } from '../components/FigureTable';
import { PeriodInputs } from '../components/PeriodInputs';
import { TimelinessTable } from '../components/TimelinessTable';
import { useRowLabel } from '../components/useRowLabel';
import {
  type Period,
  type RepatriationsGroup,
  useCaseload,
  useRepatriations,
  useTimeliness,
} from '../hooks/useEmbassyFigures';

const GROUPS: RepatriationsGroup[] = ['nationality', 'month', 'sex', 'ageBand'];

/**
 * The embassy's own figures: its nationals only, consenting or not, with small counts hidden
 * (k = 5, API.md "Reports"). Open cases now, departures over a period, and how long each step took.
 */
export default function EmbassyFiguresPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>({});
  const [groupBy, setGroupBy] = useState<RepatriationsGroup>('nationality');
  const label = useRowLabel();
  const caseload = useCaseload('status');
  const departures = useRepatriations(groupBy, period);
  const timeliness = useTimeliness(period);

  return (
    <Page title={t('consular.figures.title')} intro={t('consular.figures.intro')}>
      <Text>{t('consular.figures.hiddenExplained')}</Text>
      <Section title={t('consular.figures.caseload.title')} query={caseload}>
        {caseload.data && (
          <FigureTable
            caption={t('consular.figures.caseload.caption')}
            keyHeader={t('consular.fields.status')}
            rows={caseload.data.rows}
            total={caseload.data.total}
            totalSuppressed={caseload.data.totalSuppressed}
            label={(row) => label('status', row)}
          />
        )}
      </Section>
      <PeriodInputs period={period} onChange={setPeriod} />
      <Section title={t('consular.figures.departures.title')} query={departures}>
        <Select
          label={t('consular.figures.departures.groupBy')}
          data={GROUPS.map((g) => ({ value: g, label: t(`consular.figures.groups.${g}`) }))}
          value={groupBy}
          onChange={(g) => g && setGroupBy(g as RepatriationsGroup)}
          allowDeselect={false}
          w={{ base: '100%', xs: 280 }}
        />
        {departures.data && (
          <FigureTable
            caption={t('consular.figures.departures.caption')}
            keyHeader={t(`consular.figures.groups.${departures.data.groupBy}`)}
            rows={departures.data.rows}
            total={departures.data.total}
            totalSuppressed={departures.data.totalSuppressed}
            label={(row) => label(departures.data.groupBy, row)}
          />
        )}
      </Section>
      <Section title={t('consular.figures.timeliness.title')} query={timeliness}>
        {timeliness.data && <TimelinessTable metrics={timeliness.data.metrics} />}
      </Section>
    </Page>
  );
}

function Section({
  title,
  query,
  children,
}: {
  title: string;
  query: { isPending: boolean; error: unknown };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        {query.isPending && <Loader aria-label={t('common.loading')} />}
        <ErrorAlert error={query.error} title={t('consular.figures.loadFailed')} />
        {children}
      </Stack>
    </Card>
  );
}
