import { Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRepatriations } from '../hooks/useReport';
import { DIMENSIONS, rangeIsBackwards, type ReportParams } from '../reportParams';
import { repatriationsRequest } from '../reportRequest';
import { CsvDownloadButton } from './CsvDownloadButton';
import { DateRangeFields } from './DateRangeFields';
import { DisclosureNote } from './DisclosureNote';
import { GroupingSelect } from './GroupingSelect';
import { OneWayChart } from './OneWayChart';
import { OneWayTable } from './OneWayTable';
import { QueryState } from './QueryState';

type Props = { params: ReportParams; onChange: (change: Partial<ReportParams>) => void };

/** People who departed in the range, by the dimension the reader chose: chart, table, CSV. */
export function RepatriationsReport({ params, onChange }: Props) {
  const { t } = useTranslation();
  const request = repatriationsRequest(params);
  const query = useRepatriations(request.query, !rangeIsBackwards(params));
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="sm">
        <DateRangeFields params={params} onChange={onChange} hint={t('reports.range.departures')} />
        <GroupingSelect
          label={t('reports.groupBy')}
          value={params.groupBy}
          options={DIMENSIONS}
          onChange={(groupBy) => onChange({ groupBy })}
        />
      </Group>
      <QueryState query={query}>
        {(report) => (
          <Stack gap="md">
            <DisclosureNote threshold={report.threshold} />
            <OneWayChart dimension={report.groupBy} rows={report.rows} />
            <OneWayTable
              dimension={report.groupBy}
              rows={report.rows}
              total={report.total}
              totalSuppressed={report.totalSuppressed}
              caption={t('reports.repatriations.caption', {
                by: t(`reports.dimensionInText.${report.groupBy}`),
              })}
              countHeader={t('reports.people')}
            />
            <CsvDownloadButton request={request} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
