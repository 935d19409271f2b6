import type { PersonSummary } from './types';

/**
 * Every case status, for the status filter. The list of states only (their words are
 * `common.status.*`); which moves are allowed between them is the API's to say, never retyped here.
 */
export const STATUSES: PersonSummary['status'][] = [
  'identified',
  'screening',
  'presumed_victim',
  'consular_notified',
  'identity_verified',
  'documents_issued',
  'exit_cleared',
  'movement_scheduled',
  'departed',
  'received_home',
  'reintegration_followup',
  'protection_claim',
  'not_victim',
  'withdrawn',
  'on_hold',
  'closed',
];
