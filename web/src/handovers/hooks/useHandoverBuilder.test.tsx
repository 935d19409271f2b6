import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockFetchForTests } from '../../api/client';
import { json } from '../../test/render';
import type { PersonSummary } from '../lib/types';
import { useHandoverBuilder } from './useHandoverBuilder';

const person = (id: string, caseNumber: string, status: PersonSummary['status']): PersonSummary => ({
  id,
  caseNumber,
  givenName: 'G',
  familyName: 'F',
  nameNative: null,
  nationalities: [{ code: 'THA', verified: false }],
  status,
  erased: false,
  assignedCaseworkerId: null,
  compoundId: null,
  createdAt: '2023-10-26T10:00:00.000Z',
  dateOfBirth: null,
  estimatedAge: 30,
  rescuedAt: '2023-10-26T10:00:00.000Z',
  sex: 'male',
  updatedAt: '2023-10-26T10:00:00.000Z',
  version: 1,
  vulnerabilities: [],
});
const ready = person('11111111-1111-4111-8111-111111111111', '2023-000001', 'exit_cleared');
const early = person('22222222-2222-4222-8222-222222222222', '2023-000002', 'screening');
const summary = {
  people: 1,
  byOutcome: { handed_over: 1, absent: 0, declined: 0 },
  byNationality: [{ code: 'THA', count: 1 }],
};

describe('building a handover', () => {
  let restore: () => void;
  let requests: { url: URL; method: string; key: string | null; body: unknown }[];
  let answer: (url: URL, method: string) => Response | Promise<Response>;

  beforeEach(() => {
    requests = [];
    restore = mockFetchForTests(async (input) => {
      const request = input as Request;
      const url = new URL(request.url);
      const text = request.method === 'POST' ? await request.text() : '';
      requests.push({
        url,
        method: request.method,
        key: request.headers.get('Idempotency-Key'),
        body: text && JSON.parse(text),
      });
      return answer(url, request.method);
    });
  });
  afterEach(() => restore());

  function setUp() {
    const client = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useHandoverBuilder(), { wrapper });
    act(() => {
      result.current.add([ready, early]);
      result.current.form.setValues({
        type: 'repatriation_departure',
        occurredAt: '2023-11-19T10:30',
        place: 'Lashio airport',
        countryCode: 'MMR',
        fromParty: 'Myanmar authorities',
        toParty: 'Royal Thai Government',
      });
    });
    return result;
  }
  const posts = () => requests.filter((r) => r.method === 'POST');
  const records = () => posts().filter((r) => !r.url.searchParams.has('dryRun'));

  it('records only after a clean dry run, and resends the same Idempotency-Key on a retry', async () => {
    const result = setUp();
    expect(result.current.recordable).toBe(false);
    act(() => result.current.submit());
    expect(posts()).toHaveLength(0);

    // The first check names the person still in screening: nothing may be recorded.
    answer = (url) =>
      url.pathname === '/api/v1/people'
        ? json(200, { items: [early], nextCursor: null })
        : json(200, {
            valid: false,
            eligible: [ready.id],
            offenders: [{ personId: early.id, reason: 'not_eligible' }],
            summary,
          });
    act(() => result.current.check());
    await waitFor(() => expect(result.current.checked?.valid).toBe(false));
    expect(posts()[0].url.searchParams.get('dryRun')).toBe('true');
    expect(posts()[0].key).toBeNull();
    expect(result.current.recordable).toBe(false);
    act(() => result.current.submit());
    expect(records()).toHaveLength(0);

    // Removed, checked again: clean.
    act(() => result.current.remove([early.id]));
    expect(result.current.checkIsCurrent).toBe(false);
    answer = () => json(200, { valid: true, eligible: [ready.id], offenders: [], summary });
    act(() => result.current.check());
    await waitFor(() => expect(result.current.recordable).toBe(true));

    // The first recording's answer is lost; the retry carries the same key.
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.record.isError).toBe(true));
    const event = {
      id: 'e1',
      type: 'repatriation_departure',
      people: [{ personId: ready.id, caseNumber: ready.caseNumber, outcome: 'handed_over' }],
      summary,
    };
    answer = () => json(201, event);
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.recorded?.id).toBe('e1'));

    expect(records()).toHaveLength(2);
    expect(records()[0].key).toMatch(/^[0-9a-f]{32}$/);
    expect(records()[1].key).toBe(records()[0].key);
    expect(records()[1].body).toMatchObject({ people: [{ personId: ready.id }], countryCode: 'MMR' });
    expect(result.current.selection.size).toBe(0);
  });

  it('shows a refused recording’s offenders as the check’s list, and refuses to record until checked again', async () => {
    const result = setUp();
    act(() => result.current.remove([early.id]));
    answer = () => json(200, { valid: true, eligible: [ready.id], offenders: [], summary });
    act(() => result.current.check());
    await waitFor(() => expect(result.current.recordable).toBe(true));
    answer = () =>
      json(422, {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'HANDOVER_INVALID',
        message: 'x',
        requestId: 'r',
        details: [{ personId: ready.id, reason: 'not_eligible' }],
      });
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.checked?.valid).toBe(false));
    expect(result.current.checked?.offenders).toEqual([{ personId: ready.id, reason: 'not_eligible' }]);
    expect(result.current.recordable).toBe(false);
  });
});
