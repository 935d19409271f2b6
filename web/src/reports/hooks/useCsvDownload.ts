import { useMutation } from '@tanstack/react-query';
import { csvFileName, fetchReportCsv, type ReportRequest } from '../reportRequest';
import { saveBlob } from '../../shell/saveBlob';

/**
 * Downloads the report on screen as CSV: the same request as the table, with `format=csv`, so the
 * server applies the same hiding to the file (it never holds a figure the screen hides).
 */
export function useCsvDownload(request: ReportRequest) {
  return useMutation({
    mutationFn: async () => {
      const blob = await fetchReportCsv(request);
      saveBlob(blob, csvFileName(request));
    },
  });
}
