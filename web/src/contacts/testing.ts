import type { Contact } from './hooks/useContacts';

/** A contact as GET /consular/contacts/:id answers it (tests only). */
export function contactView(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    countryCode: 'PHL',
    mission: 'Embassy of the Philippines, Yangon',
    city: 'Yangon',
    name: 'Maria Santos',
    title: 'Consul',
    phone: '+95 1 558 149',
    email: null,
    languages: ['fil', 'en'],
    active: true,
    accreditedFrom: null,
    version: 3,
    createdAt: '2024-03-01T09:00:00.000Z',
    updatedAt: '2024-03-02T09:00:00.000Z',
    ...overrides,
  };
}
