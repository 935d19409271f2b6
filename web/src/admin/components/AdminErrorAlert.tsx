import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../shell/ErrorAlert';

/** Codes of the users routes that have their own words here (common.errors has the rest). */
const OWN = ['EMAIL_TAKEN', 'LAST_ADMIN'] as const;

/** ErrorAlert, with the administrator's own wording for a taken email and the last administrator. */
export function AdminErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (OWN as readonly string[]).includes(error.code)) {
    return (
      <Alert color="red" variant="outline" title={title} role="alert">
        {t(`admin.users.errors.${error.code}`)}
      </Alert>
    );
  }
  return <ErrorAlert error={error} title={title} />;
}
