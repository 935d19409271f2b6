import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's choices kept in the address's query string (bookmarkable, shareable with a colleague of the
 * same role, restored on reload), read through `parse` and written through `serialise`.
 *
 * Why not the router's functional update: the router applies a navigation after the next render and its
 * functional update reads the params of the last render, so two changes in quick succession (a "from"
 * date, then a "to" date, on a slow phone) would lose the first. Each change here builds on the last
 * one asked for instead.
 */
export function useAddressState<T>(
  parse: (search: URLSearchParams) => T,
  serialise: (value: T) => URLSearchParams,
): [T, (change: Partial<T>, options?: { replace?: boolean }) => void, (value: T) => void] {
  const [search, setSearch] = useSearchParams();
  const value = useMemo(() => parse(search), [parse, search]);

  const latest = useRef(search);
  useEffect(() => {
    latest.current = search;
  }, [search]);

  const replaceAll = useCallback(
    (next: T, options: { replace?: boolean } = {}) => {
      latest.current = serialise(next);
      setSearch(latest.current, { replace: options.replace ?? false });
    },
    [serialise, setSearch],
  );
  const update = useCallback(
    (change: Partial<T>, options: { replace?: boolean } = {}) =>
      replaceAll({ ...parse(latest.current), ...change }, options),
    [parse, replaceAll],
  );
  return [value, update, replaceAll];
}
