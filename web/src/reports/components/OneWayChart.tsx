import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useKeyLabel } from '../hooks/useKeyLabel';
import type { CaseloadGroup, Dimension } from '../reportParams';
import type { ReportRow } from '../reportRequest';

const BAR_HEIGHT = 34;

/**
 * The published figures as horizontal bars (long country names and Thai words fit on a phone).
 * Hidden figures get no bar at all, never one of zero length: they are named below the chart as
 * hidden. The chart is a picture of the table that follows it, which screen readers read instead.
 */
export function OneWayChart({
  dimension,
  rows,
}: {
  dimension: Dimension | CaseloadGroup;
  rows: ReportRow[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useKeyLabel();
  const shown = rows.filter((r) => !r.suppressed && r.count !== null);
  const hidden = rows.filter((r) => r.suppressed);
  const data = shown.map((r) => ({ name: label(dimension, r.key, r.label), count: r.count }));
  return (
    <Stack gap="xs" component="figure" m={0} data-testid="report-chart">
      {data.length > 0 && (
        <div aria-hidden="true">
          <BarChart
            h={40 + data.length * BAR_HEIGHT}
            data={data}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'count', label: t('reports.people'), color: 'blue.8' }]}
            valueFormatter={(value) => format.number(value) ?? ''}
            yAxisProps={{ width: 110 }}
            withTooltip={false}
            withBarValueLabel
            gridAxis="none"
            // Room on the right for the longest bar's figure.
            barChartProps={{ accessibilityLayer: false, margin: { top: 0, right: 44, bottom: 0, left: 0 } }}
          />
        </div>
      )}
      <Text component="figcaption" size="sm" data-testid="chart-hidden-list">
        {hidden.length > 0
          ? t('reports.chart.hiddenBars', {
              names: hidden.map((r) => label(dimension, r.key, r.label)).join(t('reports.listSeparator')),
            })
          : t('reports.chart.nothingHidden')}
      </Text>
    </Stack>
  );
}
