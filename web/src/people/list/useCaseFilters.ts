import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { type CaseFilters, filtersFromSearch, NO_FILTERS, searchFromFilters } from './caseFilters';

/**
 * The case list's filters live in the URL's query string, not in component state: a filtered list
 * can be bookmarked, shared with a colleague who may see the same cases, and Back returns to the
 * previous filter. Each change is a new history entry, except when `replace` is asked.
 */
export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);

  // The router applies a navigation after the next render, and its functional update reads the
  // params of the last render: two changes in quick succession (a nationality, then a status, on a
  // slow phone) would lose the first. Each change builds on the last one asked for instead.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);

  const update = useCallback(
    (change: Partial<CaseFilters>, options: { replace?: boolean } = {}) => {
      const next = searchFromFilters({ ...filtersFromSearch(latest.current), ...change });
      latest.current = next;
      setParams(next, { replace: options.replace ?? false });
    },
    [setParams],
  );
  const clear = useCallback(() => {
    latest.current = searchFromFilters(NO_FILTERS);
    setParams(latest.current);
  }, [setParams]);

  return { filters, update, clear };
}
