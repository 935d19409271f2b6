import { Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { readableDuration } from '../readableDuration';
import type { TimelinessReport } from '../reportRequest';
import { HiddenFigure } from './HiddenFigure';

type Metric = TimelinessReport['metrics'][number];

/**
 * How long the steps home take: the median and the 90th percentile (nine cases in ten took no
 * longer) in hours or days, and how many cases they rest on. A metric resting on fewer than k cases
 * is hidden whole; one with no case at all says so.
 */
export function TimelinessTable({ report, caption }: { report: TimelinessReport; caption: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const duration = (m: Metric, hours: number | null) =>
    m.suppressed ? (
      <HiddenFigure />
    ) : hours === null ? (
      t('reports.timeliness.none')
    ) : (
      readableDuration(hours, i18n.language)
    );
  const captionId = useId();
  // The title stays outside the sideways-scrolling box, so a phone shows it whole.
  return (
    <Stack gap={4}>
      <Text id={captionId} ta="center">
        {caption}
      </Text>
      <Table.ScrollContainer minWidth={440}>
        <Table striped withTableBorder aria-labelledby={captionId} data-testid="timeliness-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.timeliness.metric')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.timeliness.median')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.timeliness.p90')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.timeliness.cases')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.metrics.map((m) => (
              <Table.Tr key={m.metric} data-key={m.metric}>
                <Table.Th scope="row" fw={400}>
                  {t(`reports.timeliness.metrics.${m.metric}`)}
                </Table.Th>
                <Table.Td ta="end">{duration(m, m.medianHours)}</Table.Td>
                <Table.Td ta="end">{duration(m, m.p90Hours)}</Table.Td>
                <Table.Td ta="end">{m.suppressed ? <HiddenFigure /> : format.number(m.cases)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">{t('reports.timeliness.meaning')}</Text>
    </Stack>
  );
}
