export const ROLES = ['admin', 'supervisor', 'caseworker', 'consular', 'analyst', 'donor'] as const;
export type Role = (typeof ROLES)[number];

/** Who may create, edit and move cases along (DESIGN.md §4). */
export const CASE_STAFF: Role[] = ['admin', 'supervisor', 'caseworker'];
