import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../shell/Page';
import { changePasswordErrorMessage, type Message } from './messages';
import { homeOf } from './roles';
import { changePassword, useSession } from './session';

/** One's own password (POST /auth/password); the only page open while a reset asks for a new one. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<Message | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const form = useForm({
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      confirm: (value, values) => (value === values.next ? null : t('auth.changePassword.mismatch')),
    },
  });
  if (session.status !== 'signed_in') return null;

  const submit = form.onSubmit(async ({ current, next }) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await changePassword(current, next);
      notifications.show({
        color: 'green',
        message: t('auth.changePassword.done'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
      navigate(homeOf(session.user.role), { replace: true });
    } catch (e) {
      setError(changePasswordErrorMessage(e));
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Page title={t('auth.changePassword.title')}>
      {session.mustChangePassword && (
        <Alert color="orange" role="status">
          {t('auth.changePassword.mustChange')}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {t(error.key, error.values)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.signIn.showPassword') }}
            label={t('auth.changePassword.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('current')}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.signIn.showPassword') }}
            label={t('auth.changePassword.new')}
            description={t('auth.changePassword.newHint')}
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={128}
            {...form.getInputProps('next')}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.signIn.showPassword') }}
            label={t('auth.changePassword.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={submitting} w="fit-content">
            {t('auth.changePassword.submit')}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
