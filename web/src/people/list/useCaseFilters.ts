import { useCallback } from 'react';
import { useAddressState } from '../../shell/useAddressState';
import { filtersFromSearch, NO_FILTERS, searchFromFilters } from './caseFilters';

/**
 * The case list's filters live in the URL's query string, not in component state: a filtered list
 * can be bookmarked, shared with a colleague who may see the same cases, and Back returns to the
 * previous filter. Each change is a new history entry, except when `replace` is asked.
 */
export function useCaseFilters() {
  const [filters, update, replaceAll] = useAddressState(filtersFromSearch, searchFromFilters);
  const clear = useCallback(() => replaceAll(NO_FILTERS), [replaceAll]);
  return { filters, update, clear };
}
