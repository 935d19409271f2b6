import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderPage } from '../../test/render';
import type { Person } from './caseApi';

/** A widget of the case page as the app shows it, with a fresh query cache (tests only). */
export function renderWidget(ui: ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return renderPage(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/** A person view as GET /people/:id answers it (tests only). */
export function personView(overrides: Partial<Person> = {}): Person {
  return {
    id: 'p1',
    caseNumber: '2024-000123',
    status: 'screening',
    version: 3,
    allowedTransitions: ['presumed_victim', 'protection_claim', 'withdrawn', 'on_hold'],
    givenName: 'Somchai',
    familyName: 'Jaidee',
    nameNative: 'สมชาย ใจดี',
    aliases: [],
    sex: 'male',
    dateOfBirth: null,
    estimatedAge: 30,
    nationalities: [{ code: 'THA', verified: false }],
    languages: [],
    compoundId: null,
    recruitedVia: null,
    traffickedAt: null,
    rescuedAt: '2024-03-01T08:00:00.000Z',
    rescuePlace: null,
    vulnerabilities: [],
    documentNumber: null,
    narrative: null,
    assignedCaseworkerId: null,
    consents: { services: true, consularNotification: false, shareWithPartners: false, research: false },
    closedAt: null,
    closedReason: null,
    departedAt: null,
    receivedHomeAt: null,
    erased: false,
    erasedAt: null,
    createdAt: '2024-03-01T09:00:00.000Z',
    updatedAt: '2024-03-02T09:00:00.000Z',
    ...overrides,
  };
}
