import type { components } from '../../api/schema';

export type Person = components['schemas']['PersonView'];
export type CaseStatus = Person['status'];
export type ConsentType = components['schemas']['ConsentEntryView']['type'];
export type ConsentEntry = components['schemas']['ConsentEntryView'];
export type HistoryEntry = components['schemas']['HistoryEntryView'];
export type AccessLogEntry = components['schemas']['AccessLogEntryView'];
export type Notification = components['schemas']['NotificationView'];
export type Contact = components['schemas']['ContactView'];
export type Channel = components['schemas']['CreateNotificationDto']['channel'];

/**
 * Query keys of the case page, all under `['case', id]`, so one invalidation after a write refreshes
 * every widget of that case (its version, history, consents, notifications and access log all move).
 */
export const caseKeys = {
  all: (id: string) => ['case', id] as const,
  person: (id: string) => ['case', id, 'person'] as const,
  history: (id: string) => ['case', id, 'history'] as const,
  consents: (id: string) => ['case', id, 'consents'] as const,
  notifications: (id: string) => ['case', id, 'notifications'] as const,
  accessLog: (id: string) => ['case', id, 'access-log'] as const,
  overdue: (id: string) => ['case', id, 'overdue'] as const,
};

/** The API's consent types (snake_case, as in POST /people/:id/consents) and the person view's fields. */
export const CONSENT_FIELDS: Record<ConsentType, keyof Person['consents']> = {
  services: 'services',
  consular_notification: 'consularNotification',
  share_with_partners: 'shareWithPartners',
  research: 'research',
};

/** `If-Match` as the contract spells it: the version read, quoted. */
export const ifMatch = (version: number) => `"${version}"`;
