import { describe, expect, it } from 'vitest';
import { readableDuration } from './readableDuration';
import { parseReportParams, reportsFor, serialiseReportParams } from './reportParams';
import { csvFileName, crosstabRequest, repatriationsRequest } from './reportRequest';

describe('the choices in the address', () => {
  it('reads them back as written, leaving defaults out of the address', () => {
    const params = parseReportParams(new URLSearchParams('report=crosstab&from=2023-01-01&rows=sex'));
    expect(params).toMatchObject({ report: 'crosstab', from: '2023-01-01', rows: 'sex', columns: 'month' });
    expect(serialiseReportParams(params).toString()).toBe('report=crosstab&from=2023-01-01&rows=sex');
  });

  it('ignores what it does not know, and never asks a cross-tab for one dimension twice', () => {
    const params = parseReportParams(
      new URLSearchParams(
        'report=people&from=yesterday&groupBy=name&rows=month&columns=month&nationality=th',
      ),
    );
    expect(params).toMatchObject({ report: 'repatriations', from: undefined, groupBy: 'nationality' });
    expect(params.rows).not.toBe(params.columns);
    expect(params.nationality).toBeUndefined();
  });

  it('names the CSV file after what it holds', () => {
    const params = parseReportParams(new URLSearchParams('from=2023-01-01&to=2024-12-31&groupBy=ageBand'));
    expect(csvFileName(repatriationsRequest(params))).toBe(
      'safe-return-repatriations-by-ageBand_2023-01-01_2024-12-31.csv',
    );
    expect(csvFileName(crosstabRequest(parseReportParams(new URLSearchParams())))).toBe(
      'safe-return-repatriations-nationality-by-month.csv',
    );
  });
});

describe('durations', () => {
  it('are hours up to two days, then days, in the reader’s language', () => {
    expect(readableDuration(36, 'en')).toBe('36 hours');
    expect(readableDuration(545.5, 'en')).toBe('22.7 days');
    expect(readableDuration(72, 'th')).toBe('3 วัน');
  });
});

describe('the reports a role may open', () => {
  it('offers the case-data export to administrators and supervisors only', () => {
    expect(reportsFor('admin')).toContain('htcds');
    expect(reportsFor('supervisor')).toContain('htcds');
    for (const role of ['analyst', 'donor', undefined] as const) {
      expect(reportsFor(role)).toEqual(['repatriations', 'crosstab', 'caseload', 'timeliness']);
    }
  });
});
