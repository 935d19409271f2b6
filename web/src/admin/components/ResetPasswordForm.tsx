import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/messages';
import { AdminErrorAlert } from './AdminErrorAlert';
import { PASSWORD_MIN, validatePassword } from './userForm';

interface Props {
  name: string;
  busy: boolean;
  error: unknown;
  onSubmit: (temporaryPassword: string) => void;
  onCancel: () => void;
}

/** A temporary password the user must replace at their next sign-in (API.md "Users"). */
export function ResetPasswordForm({ name, busy, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const fromApi = fieldErrors(error).temporaryPassword;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePassword(password);
    setProblem(found);
    if (!found) onSubmit(password);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>{t('admin.users.reset.explain', { name })}</Text>
        <AdminErrorAlert error={error} title={t('admin.users.reset.failed')} />
        <PasswordInput
          label={t('admin.users.fields.temporaryPassword')}
          description={t('admin.users.reset.hint', { min: PASSWORD_MIN })}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={
            problem
              ? t(`admin.users.errors.${problem}`)
              : fromApi
                ? t(fromApi.key, fromApi.values)
                : undefined
          }
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('admin.users.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('admin.users.reset.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
