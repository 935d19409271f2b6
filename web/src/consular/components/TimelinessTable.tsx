import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useFormat } from '../../i18n/format';

type Metric = components['schemas']['TimelinessMetricView'];

/** Hours as days once they pass two days: "5.5 days" reads better than "132 hours". */
function useDuration() {
  const { t } = useTranslation();
  const format = useFormat();
  return (hours: number | null) => {
    if (hours === null) return t('consular.figures.noFigure');
    if (hours < 48)
      return t('consular.figures.hours', {
        count: Math.round(hours),
        value: format.number(Math.round(hours)),
      });
    const days = Math.round(hours / 2.4) / 10;
    return t('consular.figures.days', { count: days, value: format.number(days) });
  };
}

/** How long each step took for the embassy's nationals; a metric on too few cases is hidden whole. */
export function TimelinessTable({ metrics }: { metrics: Metric[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const hidden = (
    <Text span fw={500} data-suppressed="true">
      {t('consular.figures.hidden')}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Caption>{t('consular.figures.timeliness.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consular.figures.timeliness.metric')}</Table.Th>
            <Table.Th ta="right">{t('consular.figures.timeliness.median')}</Table.Th>
            <Table.Th ta="right">{t('consular.figures.timeliness.p90')}</Table.Th>
            <Table.Th ta="right">{t('consular.figures.timeliness.cases')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metrics.map((m) => (
            <Table.Tr key={m.metric}>
              <Table.Td>{t(`consular.figures.timeliness.metrics.${m.metric}`)}</Table.Td>
              <Table.Td ta="right">{m.suppressed ? hidden : duration(m.medianHours)}</Table.Td>
              <Table.Td ta="right">{m.suppressed ? hidden : duration(m.p90Hours)}</Table.Td>
              <Table.Td ta="right">{m.suppressed ? hidden : format.number(m.cases)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
