import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/messages';

/**
 * A failed call in plain words (api/messages.ts), announced to screen readers. `title` says what was
 * being done ("The case could not be moved"); the body says why and what to do.
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = apiErrorMessage(error);
  return (
    <Alert color="red" variant="outline" title={title} role="alert">
      {t(message.key, message.values)}
    </Alert>
  );
}
