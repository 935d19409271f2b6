import { describe, expect, it } from 'vitest';
import { htcdsSummary } from './htcdsExport';

describe('the summary of an HTCDS file', () => {
  it('counts the case lines under the header and reads the dropped count', () => {
    const csv = 'prs_Citizenship,prs_Gender\nTHA,Female\nTHA,Male\nPHL,Female\n# dropped,7\n';
    expect(htcdsSummary(csv)).toEqual({ cases: 3, dropped: 7 });
  });

  it('a file with no case: only the header and the comment', () => {
    expect(htcdsSummary('prs_Citizenship,prs_Gender\r\n# dropped,2\r\n')).toEqual({ cases: 0, dropped: 2 });
  });
});
