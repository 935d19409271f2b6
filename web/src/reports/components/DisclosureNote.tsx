import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/**
 * Why some figures are hidden, with the reader's threshold k from the response (DESIGN.md §4–§5:
 * k depends on the role). Roles that see exact figures are told so, and that the figures are
 * theirs to keep.
 */
export function DisclosureNote({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert variant="light" color="blue" data-testid="disclosure-note">
      {threshold > 0
        ? t('reports.disclosure.hidden', { k: format.number(threshold) })
        : t('reports.disclosure.exact')}
    </Alert>
  );
}
