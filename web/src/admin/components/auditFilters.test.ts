import { describe, expect, it } from 'vitest';
import { auditQuery, NO_FILTERS, validateAuditFilters } from './auditFilters';

describe("the audit log's filters", () => {
  it('send only what was filled in, trimmed', () => {
    expect(auditQuery(NO_FILTERS)).toEqual({});
    expect(
      auditQuery({ ...NO_FILTERS, action: ' user.create ', entityType: 'user', from: '2026-01-01' }),
    ).toEqual({ action: 'user.create', entityType: 'user', from: '2026-01-01' });
  });

  it('refuse a period that ends before it starts, and a date that is no date', () => {
    expect(validateAuditFilters({ ...NO_FILTERS, from: '2026-02-01', to: '2026-01-31' })).toEqual({
      to: 'toBeforeFrom',
    });
    expect(validateAuditFilters({ ...NO_FILTERS, from: '2026-02-01', to: '2026-02-01' })).toEqual({});
    expect(validateAuditFilters({ ...NO_FILTERS, from: 'yesterday' })).toEqual({ from: 'invalidDate' });
  });
});
