import type { Role } from '../api/client';

export const STAFF: Role[] = ['admin', 'supervisor', 'caseworker'];

/** Where each role starts after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'consular':
      return '/consular/cases';
    case 'analyst':
    case 'donor':
      return '/reports';
    default:
      return '/work';
  }
}
