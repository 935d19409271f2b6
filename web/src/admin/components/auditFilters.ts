/** The audit log's filters as the page holds them (API.md "Audit": GET /audit). */
export interface AuditFilters {
  actorId: string;
  entityType: string;
  entityId: string;
  action: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = {
  actorId: '',
  entityType: '',
  entityId: '',
  action: '',
  from: '',
  to: '',
};

/** Kinds of record the API writes audit entries about (src/*: `entityType`). */
export const ENTITY_TYPES = [
  'person',
  'user',
  'compound',
  'handover',
  'consular_contact',
  'report',
  'export',
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Catalogue keys under `admin.audit.errors`, by field. */
export type AuditFilterErrors = Partial<Record<keyof AuditFilters, string>>;

/** What the API would refuse with a 400, said before asking: a date that is no date, a period backwards. */
export function validateAuditFilters(filters: AuditFilters): AuditFilterErrors {
  const errors: AuditFilterErrors = {};
  for (const field of ['from', 'to'] as const) {
    const value = filters[field];
    if (value && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) errors[field] = 'invalidDate';
  }
  if (!errors.from && !errors.to && filters.from && filters.to && filters.from > filters.to)
    errors.to = 'toBeforeFrom';
  return errors;
}

/** The query GET /audit receives: trimmed, empty filters left out (an empty string is not "any"). */
export function auditQuery(filters: AuditFilters): Partial<AuditFilters> {
  const query: Partial<AuditFilters> = {};
  for (const [key, value] of Object.entries(filters) as [keyof AuditFilters, string][]) {
    const trimmed = value.trim();
    if (trimmed) query[key] = trimmed;
  }
  return query;
}
