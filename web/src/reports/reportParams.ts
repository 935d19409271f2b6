import type { Role } from '../api/client';

/**
 * What the reader chose on the reports page, kept in the address (`/reports?report=crosstab&from=…`),
 * so a view can be bookmarked, shared with a colleague of the same role, or reloaded as it was. The
 * same values make both the table on screen and its CSV download (reportRequest.ts).
 */

export const REPORTS = ['repatriations', 'crosstab', 'caseload', 'timeliness', 'htcds'] as const;
export type ReportName = (typeof REPORTS)[number];

/** The reports a role may open: the case-data export is for administrators and supervisors (API.md "Exports"). */
export function reportsFor(role: Role | undefined): ReportName[] {
  const exports = role === 'admin' || role === 'supervisor';
  return REPORTS.filter((report) => report !== 'htcds' || exports);
}

/** The dimensions of the repatriation figures (API.md "Reports"). */
export const DIMENSIONS = ['nationality', 'month', 'compound', 'sex', 'ageBand'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const CASELOAD_GROUPS = ['status', 'nationality', 'compound', 'overdueStage'] as const;
export type CaseloadGroup = (typeof CASELOAD_GROUPS)[number];

export interface ReportParams {
  report: ReportName;
  /** Inclusive dates, `YYYY-MM-DD`; absent = no bound. */
  from?: string;
  to?: string;
  groupBy: Dimension;
  rows: Dimension;
  columns: Dimension;
  caseloadBy: CaseloadGroup;
  /** Timeliness for one nationality (alpha-3), or everyone. */
  nationality?: string;
}

export const DEFAULT_PARAMS: ReportParams = {
  report: 'repatriations',
  groupBy: 'nationality',
  rows: 'nationality',
  columns: 'month',
  caseloadBy: 'status',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

/** The reader's choices from the address; anything unknown falls back to the defaults. */
export function parseReportParams(search: URLSearchParams): ReportParams {
  const date = (name: string) => {
    const value = search.get(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const rows = oneOf(DIMENSIONS, search.get('rows'), DEFAULT_PARAMS.rows);
  let columns = oneOf(DIMENSIONS, search.get('columns'), DEFAULT_PARAMS.columns);
  // A cross-tab needs two different dimensions (the API refuses the same one twice).
  if (columns === rows) columns = DIMENSIONS.find((d) => d !== rows)!;
  const nationality = search.get('nationality');
  return {
    report: oneOf(REPORTS, search.get('report'), DEFAULT_PARAMS.report),
    from: date('from'),
    to: date('to'),
    groupBy: oneOf(DIMENSIONS, search.get('groupBy'), DEFAULT_PARAMS.groupBy),
    rows,
    columns,
    caseloadBy: oneOf(CASELOAD_GROUPS, search.get('caseloadBy'), DEFAULT_PARAMS.caseloadBy),
    nationality: nationality && /^[A-Z]{3}$/.test(nationality) ? nationality : undefined,
  };
}

/** The address of the choices: only what differs from the defaults, so addresses stay short. */
export function serialiseReportParams(params: ReportParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params) as [keyof ReportParams, string | undefined][]) {
    if (value && value !== DEFAULT_PARAMS[name]) search.set(name, value);
  }
  return search;
}

/** A range whose start is after its end asks for nothing: the page says so instead of asking. */
export function rangeIsBackwards(params: Pick<ReportParams, 'from' | 'to'>): boolean {
  return !!params.from && !!params.to && params.from > params.to;
}
