import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { Person } from './caseApi';
import { KEPT } from './EraseDialog';

/** An erased record, said plainly: when, and that only what the figures need remains. */
export function ErasedNotice({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!person.erased) return null;
  return (
    <Alert color="dark" variant="outline" title={t('people.case.erased.title')} data-testid="erased-notice">
      {t('people.case.erased.body', { when: format.dateTime(person.erasedAt) })}
      <List size="sm" mt="xs">
        {KEPT.map((key) => (
          <List.Item key={key}>{t(`people.case.erase.kept.${key}`)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
