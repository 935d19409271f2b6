import { useCallback } from 'react';
import { useAddressState } from '../../shell/useAddressState';
import { parseReportParams, type ReportParams, serialiseReportParams } from '../reportParams';

/** The reader's choices, read from and written to the address (replacing, not adding, history entries). */
export function useReportParams(): [ReportParams, (change: Partial<ReportParams>) => void] {
  const [params, update] = useAddressState(parseReportParams, serialiseReportParams);
  const replacing = useCallback(
    (change: Partial<ReportParams>) => update(change, { replace: true }),
    [update],
  );
  return [params, replacing];
}
