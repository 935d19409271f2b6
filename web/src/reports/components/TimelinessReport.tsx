import { Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useTimeliness } from '../hooks/useReport';
import { rangeIsBackwards, type ReportParams } from '../reportParams';
import { timelinessRequest } from '../reportRequest';
import { CsvDownloadButton } from './CsvDownloadButton';
import { DateRangeFields } from './DateRangeFields';
import { DisclosureNote } from './DisclosureNote';
import { NationalityFilter } from './NationalityFilter';
import { QueryState } from './QueryState';
import { TimelinessTable } from './TimelinessTable';

type Props = { params: ReportParams; onChange: (change: Partial<ReportParams>) => void };

/** How long the steps home take, for everyone or one nationality. */
export function TimelinessReport({ params, onChange }: Props) {
  const { t } = useTranslation();
  const country = useCountryName();
  const request = timelinessRequest(params);
  const query = useTimeliness(request.query, !rangeIsBackwards(params));
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="sm">
        <DateRangeFields params={params} onChange={onChange} hint={t('reports.range.laterEvent')} />
        <NationalityFilter value={params.nationality} onChange={(nationality) => onChange({ nationality })} />
      </Group>
      <QueryState query={query}>
        {(report) => (
          <Stack gap="md">
            <DisclosureNote threshold={report.threshold} />
            <TimelinessTable
              report={report}
              caption={
                params.nationality
                  ? t('reports.timeliness.captionFor', { country: country(params.nationality) })
                  : t('reports.timeliness.caption')
              }
            />
            <CsvDownloadButton request={request} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
