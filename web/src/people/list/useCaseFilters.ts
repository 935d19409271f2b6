import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type CaseFilters, filtersFromSearch, NO_FILTERS, searchFromFilters } from './caseFilters';

/**
 * The case list's filters live in the URL's query string, not in component state: a filtered list
 * can be bookmarked, shared with a colleague who may see the same cases, and Back returns to the
 * previous filter. Each change is a new history entry, except when `replace` is asked (typing a
 * name, where every pause would otherwise be one more step back).
 */
export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);

  const update = useCallback(
    (change: Partial<CaseFilters>, options: { replace?: boolean } = {}) => {
      setParams((previous) => searchFromFilters({ ...filtersFromSearch(previous), ...change }), {
        replace: options.replace ?? false,
      });
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(searchFromFilters(NO_FILTERS)), [setParams]);

  return { filters, update, clear };
}
