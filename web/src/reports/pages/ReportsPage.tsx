import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shell/Page';
import { CaseloadReport } from '../components/CaseloadReport';
import { CrosstabReport } from '../components/CrosstabReport';
import { RepatriationsReport } from '../components/RepatriationsReport';
import { TimelinessReport } from '../components/TimelinessReport';
import { useReportParams } from '../hooks/useReportParams';
import { REPORTS, type ReportName } from '../reportParams';

const REPORT_VIEWS = {
  repatriations: RepatriationsReport,
  crosstab: CrosstabReport,
  caseload: CaseloadReport,
  timeliness: TimelinessReport,
} as const;

/**
 * Aggregate figures for the roles that read them (admin, supervisor, analyst, donor), each at its
 * role's threshold, applied by the API: the page never hides or works out a figure itself, it shows
 * what was published and marks what was not. Every choice is kept in the address.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const [params, update] = useReportParams();
  const View = REPORT_VIEWS[params.report];
  return (
    <Page title={t('reports.home.title')} intro={t('reports.home.intro')}>
      <Tabs value={params.report} onChange={(report) => report && update({ report: report as ReportName })}>
        <Tabs.List>
          {REPORTS.map((report) => (
            <Tabs.Tab key={report} value={report}>
              {t(`reports.tabs.${report}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={params.report} pt="md">
          <View params={params} onChange={update} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
