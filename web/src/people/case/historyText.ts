import type { TFunction } from 'i18next';
import { CONSENT_FIELDS, type ConsentType, type HistoryEntry } from './caseApi';

/** `consents.consularNotification` (how the history names a consent) → `consular_notification`. */
const CONSENT_BY_FIELD = new Map(
  Object.entries(CONSENT_FIELDS).map(([type, field]) => [`consents.${field}`, type as ConsentType]),
);

/** A field's name in plain words (`people.case.fields.*`), its API name for one not yet worded. */
export function fieldName(field: string, t: TFunction): string {
  return t(`people.case.fields.${field}`, { defaultValue: field });
}

/** What one history entry says happened, in a sentence (the who and when are shown beside it). */
export function historyText(entry: HistoryEntry, t: TFunction): string {
  const status = (s: HistoryEntry['toStatus']) => (s ? t(`common.status.${s}`) : '');
  switch (entry.kind) {
    case 'created':
      return t('people.case.history.created');
    case 'erased':
      return t('people.case.history.erased');
    case 'field_change': {
      // A consent recorded is a field change of `consents.*` with the reason `granted` or `withdrawn`.
      const consents = entry.fields.map((f) => CONSENT_BY_FIELD.get(f));
      if (
        consents.length &&
        consents.every(Boolean) &&
        (entry.reason === 'granted' || entry.reason === 'withdrawn')
      ) {
        return t(`people.case.history.consent.${entry.reason}`, {
          types: consents.map((type) => t(`people.case.consents.type.${type}`)).join(', '),
        });
      }
      return t('people.case.history.fieldChange', {
        fields: entry.fields.map((f) => fieldName(f, t)).join(', '),
      });
    }
    case 'event':
    case 'status_change': {
      const moved =
        entry.toStatus && entry.fromStatus
          ? t('people.case.history.statusChange', {
              from: status(entry.fromStatus),
              to: status(entry.toStatus),
            })
          : '';
      const event = entry.event ? t(`people.case.history.event.${entry.event.type}`) : '';
      return [event, moved].filter(Boolean).join(' · ') || t('people.case.history.other');
    }
    default:
      return t('people.case.history.other');
  }
}
