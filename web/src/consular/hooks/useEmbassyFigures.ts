import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type FigureRow = components['schemas']['ReportRowView'];
export type RepatriationsGroup = components['schemas']['RepatriationsReportView']['groupBy'];
export type CaseloadGroup = 'status' | 'nationality';

export interface Period {
  from?: string;
  to?: string;
}

/**
 * The reports an embassy may read (API.md "Reports"): the API scopes them to the officer's own
 * nationals and hides small counts (k = 5), so what arrives is what may be shown.
 */
export function useCaseload(groupBy: CaseloadGroup) {
  return useQuery({
    queryKey: ['consular', 'figures', 'caseload', groupBy],
    queryFn: () => unwrap(api.GET('/api/v1/reports/caseload', { params: { query: { groupBy } } })),
  });
}

export function useRepatriations(groupBy: RepatriationsGroup, period: Period) {
  return useQuery({
    queryKey: ['consular', 'figures', 'repatriations', groupBy, period],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/reports/repatriations', {
          params: { query: { groupBy, from: period.from || undefined, to: period.to || undefined } },
        }),
      ),
  });
}

export function useTimeliness(period: Period) {
  return useQuery({
    queryKey: ['consular', 'figures', 'timeliness', period],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/reports/timeliness', {
          params: { query: { from: period.from || undefined, to: period.to || undefined } },
        }),
      ),
  });
}
