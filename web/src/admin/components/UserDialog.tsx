import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type User, useCreateUser, useResetPassword, useUpdateUser } from '../hooks/useUsers';
import { AdminErrorAlert } from './AdminErrorAlert';
import { ResetPasswordForm } from './ResetPasswordForm';
import { ResetSecondFactorConfirm } from './ResetSecondFactorConfirm';
import { UserForm } from './UserForm';
import { nationalitiesFor, type UserDraft } from './userForm';
import type { UserAction } from './UsersTable';

export type Dialog = { action: 'create' } | { action: UserAction; user: User };

interface Props {
  dialog: Dialog | undefined;
  onClose: () => void;
  /** What was done, in plain words, for the page to say once the dialog closes. */
  onDone: (message: string) => void;
}

const EMPTY: UserDraft = { email: '', displayName: '', password: '', role: '', nationalities: [] };

/** Create, edit, reset a password, disable or enable: one dialog at a time, each its own call. */
export function UserDialog({ dialog, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const close = () => {
    create.reset();
    update.reset();
    reset.reset();
    onClose();
  };
  const title = dialog ? t(`admin.users.${dialog.action}.title`) : '';

  function body() {
    if (!dialog) return null;
    if (dialog.action === 'create') {
      return (
        <UserForm
          initial={EMPTY}
          creating
          busy={create.isPending}
          error={create.error}
          submitLabel={t('admin.users.create.submit')}
          onCancel={close}
          onSubmit={(d) =>
            create.mutate(
              {
                email: d.email.trim(),
                displayName: d.displayName.trim(),
                password: d.password,
                role: d.role as User['role'],
                nationalities: nationalitiesFor(d, true),
              },
              { onSuccess: (u) => (close(), onDone(t('admin.users.create.done', { name: u.displayName }))) },
            )
          }
        />
      );
    }
    const { user } = dialog;
    if (dialog.action === 'edit') {
      return (
        <UserForm
          initial={{
            ...EMPTY,
            displayName: user.displayName,
            role: user.role,
            nationalities: user.nationalities,
          }}
          creating={false}
          busy={update.isPending}
          error={update.error}
          submitLabel={t('admin.users.edit.submit')}
          onCancel={close}
          onSubmit={(d) =>
            update.mutate(
              {
                user,
                changes: {
                  displayName: d.displayName.trim(),
                  role: d.role as User['role'],
                  nationalities: nationalitiesFor(d, false),
                },
              },
              { onSuccess: (u) => (close(), onDone(t('admin.users.edit.done', { name: u.displayName }))) },
            )
          }
        />
      );
    }
    if (dialog.action === 'reset') {
      return (
        <ResetPasswordForm
          name={user.displayName}
          busy={reset.isPending}
          error={reset.error}
          onCancel={close}
          onSubmit={(temporaryPassword) =>
            reset.mutate(
              { id: user.id, temporaryPassword },
              { onSuccess: () => (close(), onDone(t('admin.users.reset.done', { name: user.displayName }))) },
            )
          }
        />
      );
    }
    if (dialog.action === 'mfaReset') {
      return (
        <ResetSecondFactorConfirm
          user={user}
          onCancel={close}
          onDone={() => (close(), onDone(t('admin.users.mfaReset.done', { name: user.displayName })))}
        />
      );
    }
    const disabling = dialog.action === 'disable';
    return (
      <Stack gap="sm">
        <Text>{t(`admin.users.${dialog.action}.explain`, { name: user.displayName })}</Text>
        <AdminErrorAlert error={update.error} title={t(`admin.users.${dialog.action}.failed`)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('admin.users.cancel')}
          </Button>
          <Button
            color={disabling ? 'red' : undefined}
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { user, changes: { disabled: disabling } },
                {
                  onSuccess: (u) => (
                    close(),
                    onDone(t(`admin.users.${dialog.action}.done`, { name: u.displayName }))
                  ),
                },
              )
            }
          >
            {t(`admin.users.${dialog.action}.submit`)}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Modal
      opened={dialog !== undefined}
      onClose={close}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {body()}
    </Modal>
  );
}
