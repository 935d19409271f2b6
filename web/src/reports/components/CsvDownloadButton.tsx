import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { useCsvDownload } from '../hooks/useCsvDownload';
import type { ReportRequest } from '../reportRequest';

/** Downloads exactly the figures on screen, hidden ones written `suppressed`, as a CSV file. */
export function CsvDownloadButton({ request }: { request: ReportRequest }) {
  const { t } = useTranslation();
  const download = useCsvDownload(request);
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="outline" onClick={() => download.mutate()} loading={download.isPending}>
        {t('reports.csv.download')}
      </Button>
      <Text size="sm">{t('reports.csv.hint')}</Text>
      <ErrorAlert error={download.error} title={t('reports.csv.failed')} />
    </Stack>
  );
}
