import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import type { HistoryEntry } from './caseApi';
import { historyText } from './historyText';

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  id: 'h1',
  at: '2024-03-02T09:00:00.000Z',
  actor: null,
  actorId: null,
  event: null,
  fields: [],
  fromStatus: null,
  toStatus: null,
  kind: 'status_change',
  note: null,
  reason: null,
  ...overrides,
});

describe('what a history entry says', () => {
  beforeAll(() => initI18n('en'));

  it('a status change names both statuses', () => {
    const text = historyText(entry({ fromStatus: 'screening', toStatus: 'presumed_victim' }), i18next.t);
    expect(text).toBe('Screening → Presumed victim');
  });

  it('a field change names the fields in plain words, an unknown one by its name', () => {
    const text = historyText(
      entry({ kind: 'field_change', fields: ['dateOfBirth', 'somethingNew'] }),
      i18next.t,
    );
    expect(text).toBe('Details changed: date of birth, somethingNew');
  });

  it('a consent recorded says which and whether given or withdrawn', () => {
    const text = historyText(
      entry({ kind: 'field_change', fields: ['consents.consularNotification'], reason: 'withdrawn' }),
      i18next.t,
    );
    expect(text).toBe('Consent withdrawn: Tell their embassy');
  });

  it('an event says what happened and the move it caused', () => {
    const text = historyText(
      entry({
        kind: 'event',
        event: { id: 'e1', type: 'handover' },
        fromStatus: 'exit_cleared',
        toStatus: 'departed',
      }),
      i18next.t,
    );
    expect(text).toBe('Handover event · Exit cleared → Departed');
  });
});
