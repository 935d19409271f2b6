import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The consular contacts of the given countries (GET /consular/contacts?countryCode=), one read per country. */
export function useContacts(countryCodes: string[]) {
  const codes = [...new Set(countryCodes)].sort();
  return useQuery({
    queryKey: ['consular-contacts', codes],
    enabled: codes.length > 0,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const pages = await Promise.all(
        codes.map((countryCode) =>
          unwrap(api.GET('/api/v1/consular/contacts', { params: { query: { countryCode, limit: 200 } } })),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
  });
}
