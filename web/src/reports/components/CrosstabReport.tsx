import { Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCrosstab } from '../hooks/useReport';
import { DIMENSIONS, rangeIsBackwards, type ReportParams } from '../reportParams';
import { crosstabRequest } from '../reportRequest';
import { CrosstabTable } from './CrosstabTable';
import { CsvDownloadButton } from './CsvDownloadButton';
import { DateRangeFields } from './DateRangeFields';
import { DisclosureNote } from './DisclosureNote';
import { GroupingSelect } from './GroupingSelect';
import { QueryState } from './QueryState';

type Props = { params: ReportParams; onChange: (change: Partial<ReportParams>) => void };

/** Departures by two dimensions (nationality × month unless the reader chose others), with margins. */
export function CrosstabReport({ params, onChange }: Props) {
  const { t } = useTranslation();
  const request = crosstabRequest(params);
  const query = useCrosstab(request.query, !rangeIsBackwards(params));
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="sm">
        <DateRangeFields params={params} onChange={onChange} hint={t('reports.range.departures')} />
        <GroupingSelect
          label={t('reports.crosstab.rows')}
          value={params.rows}
          options={DIMENSIONS}
          disabledOption={params.columns}
          onChange={(rows) => onChange({ rows })}
        />
        <GroupingSelect
          label={t('reports.crosstab.columns')}
          value={params.columns}
          options={DIMENSIONS}
          disabledOption={params.rows}
          onChange={(columns) => onChange({ columns })}
        />
      </Group>
      <QueryState query={query}>
        {(report) => (
          <Stack gap="md">
            <DisclosureNote threshold={report.threshold} />
            <CrosstabTable
              report={report}
              caption={t('reports.crosstab.caption', {
                rows: t(`reports.dimensionInText.${report.rows}`),
                columns: t(`reports.dimensionInText.${report.columns}`),
              })}
            />
            <CsvDownloadButton request={request} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
