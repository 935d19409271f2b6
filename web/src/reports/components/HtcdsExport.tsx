import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { saveBlob } from '../../shell/saveBlob';
import { fetchHtcds, htcdsFileName, htcdsSummary } from '../htcdsExport';
import { rangeIsBackwards, type ReportParams } from '../reportParams';
import { DateRangeFields } from './DateRangeFields';

type Props = { params: ReportParams; onChange: (change: Partial<ReportParams>) => void };

/**
 * The case-data export for partners and governments (API.md "Exports"): one line per case registered
 * in the range, in HTCDS 2.0 columns, generalised and thinned by the API until every combination of
 * the columns is shared by at least 11 cases. The page says what the file holds before and after.
 */
export function HtcdsExport({ params, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { from, to } = params;
  const ready = !!from && !!to && !rangeIsBackwards(params);
  const download = useMutation({
    mutationFn: async ({ from, to }: { from: string; to: string }) => {
      const blob = await fetchHtcds(from, to);
      saveBlob(blob, htcdsFileName(from, to));
      return htcdsSummary(await blob.text());
    },
  });

  return (
    <Stack gap="md" maw={720}>
      <Text>{t('reports.htcds.intro')}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('reports.htcds.holds')}</List.Item>
        <List.Item>{t('reports.htcds.never')}</List.Item>
        <List.Item>{t('reports.htcds.anonymous')}</List.Item>
        <List.Item>{t('reports.htcds.audited')}</List.Item>
      </List>
      <DateRangeFields params={params} onChange={onChange} hint={t('reports.htcds.rangeHint')} />
      {!ready && <Text size="sm">{t('reports.htcds.chooseRange')}</Text>}
      <Button
        w="fit-content"
        disabled={!ready}
        loading={download.isPending}
        onClick={() => from && to && download.mutate({ from, to })}
      >
        {t('reports.htcds.download')}
      </Button>
      <ErrorAlert error={download.error} title={t('reports.htcds.failed')} />
      {download.data && !download.isPending && (
        <Alert color="green" variant="outline" role="status" data-testid="htcds-result">
          {t('reports.htcds.done', {
            cases: format.number(download.data.cases),
            dropped: format.number(download.data.dropped),
          })}
        </Alert>
      )}
    </Stack>
  );
}
