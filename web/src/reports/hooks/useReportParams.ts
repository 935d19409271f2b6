import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseReportParams, type ReportParams, serialiseReportParams } from '../reportParams';

/** The reader's choices, read from and written to the address (replacing, not adding, history entries). */
export function useReportParams(): [ReportParams, (change: Partial<ReportParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseReportParams(search), [search]);
  // From the address as it is now, not as it was at the last render: two quick changes both land.
  const update = useCallback(
    (change: Partial<ReportParams>) =>
      setSearch((now) => serialiseReportParams({ ...parseReportParams(now), ...change }), { replace: true }),
    [setSearch],
  );
  return [params, update];
}
