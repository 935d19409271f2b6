import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import type { CaseloadGroup, Dimension, ReportParams } from './reportParams';

export type RepatriationsReport = components['schemas']['RepatriationsReportView'];
export type CrosstabReport = components['schemas']['CrosstabReportView'];
export type CaseloadReport = components['schemas']['CaseloadReportView'];
export type TimelinessReport = components['schemas']['TimelinessReportView'];
export type ReportRow = components['schemas']['ReportRowView'];

/**
 * One request to the reports API, as the page asks for it. The table on screen and its CSV download
 * are both made from the same request (only `format` differs), so the file holds exactly the figures
 * shown, hidden by the server by the same rules.
 */
export type ReportRequest =
  | { report: 'repatriations'; query: { groupBy: Dimension; from?: string; to?: string } }
  | { report: 'crosstab'; query: { rows: Dimension; columns: Dimension; from?: string; to?: string } }
  | { report: 'caseload'; query: { groupBy: CaseloadGroup } }
  | { report: 'timeliness'; query: { from?: string; to?: string; nationality?: string } };

/** Leaves out the parameters not chosen, so the request says only what the reader asked. */
function chosen<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as T;
}

type RequestOf<R extends ReportRequest['report']> = Extract<ReportRequest, { report: R }>;

export const repatriationsRequest = (p: ReportParams): RequestOf<'repatriations'> => ({
  report: 'repatriations',
  query: chosen({ groupBy: p.groupBy, from: p.from, to: p.to }),
});

export const crosstabRequest = (p: ReportParams): RequestOf<'crosstab'> => ({
  report: 'crosstab',
  query: chosen({ rows: p.rows, columns: p.columns, from: p.from, to: p.to }),
});

export const caseloadRequest = (p: ReportParams): RequestOf<'caseload'> => ({
  report: 'caseload',
  query: { groupBy: p.caseloadBy },
});

export const timelinessRequest = (p: ReportParams): RequestOf<'timeliness'> => ({
  report: 'timeliness',
  query: chosen({ from: p.from, to: p.to, nationality: p.nationality }),
});

export const fetchRepatriations = (query: RequestOf<'repatriations'>['query']) =>
  unwrap(api.GET('/api/v1/reports/repatriations', { params: { query } })) as Promise<RepatriationsReport>;

export const fetchCrosstab = (query: RequestOf<'crosstab'>['query']) =>
  unwrap(api.GET('/api/v1/reports/repatriations/crosstab', { params: { query } })) as Promise<CrosstabReport>;

export const fetchCaseload = (query: RequestOf<'caseload'>['query']) =>
  unwrap(api.GET('/api/v1/reports/caseload', { params: { query } })) as Promise<CaseloadReport>;

export const fetchTimeliness = (query: RequestOf<'timeliness'>['query']) =>
  unwrap(api.GET('/api/v1/reports/timeliness', { params: { query } })) as Promise<TimelinessReport>;

/**
 * The same report as CSV (`?format=csv`), through the one client so it carries the access token (a
 * plain link would not). Returns the file's content.
 */
export function fetchReportCsv(request: ReportRequest): Promise<Blob> {
  const csv = { parseAs: 'blob' as const };
  switch (request.report) {
    case 'repatriations':
      return unwrap(
        api.GET('/api/v1/reports/repatriations', {
          params: { query: { ...request.query, format: 'csv' } },
          ...csv,
        }),
      );
    case 'crosstab':
      return unwrap(
        api.GET('/api/v1/reports/repatriations/crosstab', {
          params: { query: { ...request.query, format: 'csv' } },
          ...csv,
        }),
      );
    case 'caseload':
      return unwrap(
        api.GET('/api/v1/reports/caseload', {
          params: { query: { ...request.query, format: 'csv' } },
          ...csv,
        }),
      );
    case 'timeliness':
      return unwrap(
        api.GET('/api/v1/reports/timeliness', {
          params: { query: { ...request.query, format: 'csv' } },
          ...csv,
        }),
      );
  }
}

/** A file name that says what the file holds: `repatriations-by-nationality_2023-01-01_2024-12-31.csv`. */
export function csvFileName(request: ReportRequest): string {
  const q = request.query;
  const what =
    request.report === 'repatriations'
      ? `repatriations-by-${request.query.groupBy}`
      : request.report === 'crosstab'
        ? `repatriations-${request.query.rows}-by-${request.query.columns}`
        : request.report === 'caseload'
          ? `caseload-by-${request.query.groupBy}`
          : `timeliness${request.query.nationality ? `-${request.query.nationality}` : ''}`;
  const range =
    'from' in q || 'to' in q
      ? `_${('from' in q && q.from) || 'start'}_${('to' in q && q.to) || 'today'}`
      : '';
  return `safe-return-${what}${range}.csv`;
}
