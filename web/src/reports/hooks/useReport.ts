import { useQuery } from '@tanstack/react-query';
import {
  fetchCaseload,
  fetchCrosstab,
  fetchRepatriations,
  fetchTimeliness,
  type ReportRequest,
} from '../reportRequest';

type Query<R extends ReportRequest['report']> = Extract<ReportRequest, { report: R }>['query'];

// Figures change only as cases move: a minute of freshness spares a weak connection repeated asks.
const STALE_MS = 60_000;

export const useRepatriations = (query: Query<'repatriations'>, enabled = true) =>
  useQuery({
    queryKey: ['reports', 'repatriations', query],
    queryFn: () => fetchRepatriations(query),
    staleTime: STALE_MS,
    enabled,
  });

export const useCrosstab = (query: Query<'crosstab'>, enabled = true) =>
  useQuery({
    queryKey: ['reports', 'crosstab', query],
    queryFn: () => fetchCrosstab(query),
    staleTime: STALE_MS,
    enabled,
  });

export const useCaseload = (query: Query<'caseload'>) =>
  useQuery({
    queryKey: ['reports', 'caseload', query],
    queryFn: () => fetchCaseload(query),
    staleTime: STALE_MS,
  });

export const useTimeliness = (query: Query<'timeliness'>, enabled = true) =>
  useQuery({
    queryKey: ['reports', 'timeliness', query],
    queryFn: () => fetchTimeliness(query),
    staleTime: STALE_MS,
    enabled,
  });
