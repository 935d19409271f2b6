import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shell/Page';
import { CaseloadReport } from '../components/CaseloadReport';
import { CrosstabReport } from '../components/CrosstabReport';
import { HtcdsExport } from '../components/HtcdsExport';
import { RepatriationsReport } from '../components/RepatriationsReport';
import { TimelinessReport } from '../components/TimelinessReport';
import { useReportParams } from '../hooks/useReportParams';
import { reportsFor, type ReportName } from '../reportParams';
import { useCurrentRole } from '../../auth/useCurrentRole';

const REPORT_VIEWS = {
  repatriations: RepatriationsReport,
  crosstab: CrosstabReport,
  caseload: CaseloadReport,
  timeliness: TimelinessReport,
  htcds: HtcdsExport,
} as const;

/**
 * Aggregate figures for the roles that read them (admin, supervisor, analyst, donor), each at its
 * role's threshold, applied by the API: the page never hides or works out a figure itself, it shows
 * what was published and marks what was not. Every choice is kept in the address.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const [params, update] = useReportParams();
  const reports = reportsFor(useCurrentRole());
  // An address naming a report the role may not open (a shared link) shows the first one instead.
  const report = reports.includes(params.report) ? params.report : reports[0];
  const View = REPORT_VIEWS[report];
  return (
    <Page title={t('reports.home.title')} intro={t('reports.home.intro')}>
      <Tabs value={report} onChange={(chosen) => chosen && update({ report: chosen as ReportName })}>
        <Tabs.List>
          {reports.map((report) => (
            <Tabs.Tab key={report} value={report}>
              {t(`reports.tabs.${report}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={report} pt="md">
          <View params={{ ...params, report }} onChange={update} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
