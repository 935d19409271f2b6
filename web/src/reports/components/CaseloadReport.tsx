import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseload } from '../hooks/useReport';
import { CASELOAD_GROUPS, type ReportParams } from '../reportParams';
import { caseloadRequest } from '../reportRequest';
import { CsvDownloadButton } from './CsvDownloadButton';
import { DisclosureNote } from './DisclosureNote';
import { GroupingSelect } from './GroupingSelect';
import { OneWayChart } from './OneWayChart';
import { OneWayTable } from './OneWayTable';
import { QueryState } from './QueryState';

type Props = { params: ReportParams; onChange: (change: Partial<ReportParams>) => void };

/** Cases not closed, as of now (no date range), by status, nationality, compound or overdue stage. */
export function CaseloadReport({ params, onChange }: Props) {
  const { t } = useTranslation();
  const request = caseloadRequest(params);
  const query = useCaseload(request.query);
  return (
    <Stack gap="md">
      <GroupingSelect
        label={t('reports.groupBy')}
        value={params.caseloadBy}
        options={CASELOAD_GROUPS}
        onChange={(caseloadBy) => onChange({ caseloadBy })}
      />
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
              caption={t('reports.caseload.caption', { by: t(`reports.dimensionInText.${report.groupBy}`) })}
              countHeader={t('reports.caseload.openCases')}
            />
            <CsvDownloadButton request={request} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
