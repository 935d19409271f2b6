import type { ComponentType } from 'react';
import type { Role } from './api/client';
import { STAFF } from './auth/roles';

type PageModule = { default: ComponentType };

/**
 * Every signed-in page of the app, in one table: the router (router.tsx) and the navigation
 * (shell/Shell.tsx) are both made from it. Each page is its own chunk, loaded when first opened, so
 * a caseworker's first visit never downloads the charts of the reports.
 *
 * To add a page: put it in its feature folder (`people/pages/CasePage.tsx`, default export), add a
 * line here with the roles the API allows on what it shows, and `nav` if it belongs in the menu.
 */
export interface AppRoute {
  path: string;
  roles: readonly Role[];
  load: () => Promise<PageModule>;
  /** The menu entry's message key; absent for pages reached from another page. */
  nav?: string;
}

export const APP_ROUTES: AppRoute[] = [
  { path: 'work', roles: STAFF, nav: 'shell.nav.myWork', load: () => import('./people/pages/MyWorkPage') },
  { path: 'cases', roles: STAFF, nav: 'shell.nav.cases', load: () => import('./people/pages/CasesPage') },
  {
    path: 'cases/new',
    roles: STAFF,
    nav: 'shell.nav.newIntake',
    load: () => import('./people/pages/IntakePage'),
  },
  { path: 'cases/:id', roles: STAFF, load: () => import('./people/pages/CasePage') },
  {
    path: 'handovers',
    roles: STAFF,
    nav: 'shell.nav.handovers',
    load: () => import('./handovers/pages/HandoversPage'),
  },
  // Case staff keep the register; embassies may read compounds through the API, but have no page of them.
  {
    path: 'compounds',
    roles: STAFF,
    nav: 'shell.nav.compounds',
    load: () => import('./compounds/pages/CompoundsPage'),
  },
  // Staff keep the embassy contacts (API.md: POST/PATCH /consular/contacts are for admin, supervisor, caseworker).
  {
    path: 'contacts',
    roles: STAFF,
    nav: 'shell.nav.contacts',
    load: () => import('./contacts/pages/ContactsPage'),
  },
  {
    path: 'consular/cases',
    roles: ['consular'],
    nav: 'shell.nav.myNationals',
    load: () => import('./consular/pages/EmbassyCasesPage'),
  },
  {
    path: 'consular/figures',
    roles: ['consular'],
    nav: 'shell.nav.figures',
    load: () => import('./consular/pages/EmbassyFiguresPage'),
  },
  {
    path: 'reports',
    roles: ['admin', 'supervisor', 'analyst', 'donor'],
    nav: 'shell.nav.reports',
    load: () => import('./reports/pages/ReportsPage'),
  },
  // Users and the audit log are the administrator's alone (API.md: GET /users, GET /audit).
  {
    path: 'admin/users',
    roles: ['admin'],
    nav: 'shell.nav.users',
    load: () => import('./admin/pages/UsersPage'),
  },
  {
    path: 'admin/audit',
    roles: ['admin'],
    nav: 'shell.nav.audit',
    load: () => import('./admin/pages/AuditPage'),
  },
];

export function navFor(role: Role): AppRoute[] {
  return APP_ROUTES.filter((r) => r.nav && r.roles.includes(role));
}
