import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type User, useResetSecondFactor } from '../hooks/useUsers';
import { AdminErrorAlert } from './AdminErrorAlert';

/**
 * Turning off someone's two-factor sign-in: what it does is said before, in full, since it is what a
 * thief with their password would want. The reset is audited under the administrator's name.
 */
export function ResetSecondFactorConfirm({
  user,
  onCancel,
  onDone,
}: {
  user: User;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const reset = useResetSecondFactor();
  return (
    <Stack gap="sm">
      <Text>{t('admin.users.mfaReset.explain', { name: user.displayName })}</Text>
      <Text fw={600}>{t('admin.users.mfaReset.check', { name: user.displayName })}</Text>
      <AdminErrorAlert error={reset.error} title={t('admin.users.mfaReset.failed')} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('admin.users.cancel')}
        </Button>
        <Button
          color="red"
          loading={reset.isPending}
          onClick={() => reset.mutate(user.id, { onSuccess: onDone })}
        >
          {t('admin.users.mfaReset.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
