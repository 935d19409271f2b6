import { api, unwrap } from '../api/client';

/** What a downloaded HTCDS file holds: its case rows, and the cases left out to keep it k-anonymous. */
export interface HtcdsSummary {
  cases: number;
  dropped: number;
}

/**
 * Reads the file the API sent (API.md "Exports"): a header line, one line per case, and a last comment
 * line `# dropped,N`. Fields never hold a line break (codes, bands, years), so lines are rows.
 */
export function htcdsSummary(csv: string): HtcdsSummary {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const comment = lines.find((line) => line.startsWith('# dropped,'));
  const rows = lines.filter((line) => !line.startsWith('#'));
  return {
    cases: Math.max(0, rows.length - 1),
    dropped: comment ? Number(comment.slice('# dropped,'.length)) || 0 : 0,
  };
}

/** The export of the cases registered from `from` to `to` (inclusive), through the one client (it carries the token). */
export function fetchHtcds(from: string, to: string): Promise<Blob> {
  return unwrap(
    api.GET('/api/v1/exports/htcds', { params: { query: { from, to } }, parseAs: 'blob' }),
  ) as Promise<Blob>;
}

export const htcdsFileName = (from: string, to: string) => `safe-return-htcds_${from}_${to}.csv`;
