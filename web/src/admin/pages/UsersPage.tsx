import { Button, Group, Loader, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessAlert } from '../../shell/SuccessAlert';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Page } from '../../shell/Page';
import { type Dialog, UserDialog } from '../components/UserDialog';
import { UserFiltersBar } from '../components/UserFiltersBar';
import { UsersTable } from '../components/UsersTable';
import { type UserFilters, useUsers } from '../hooks/useUsers';
import { MoreButton } from '../../shell/MoreButton';

/** The administrator's accounts page (API.md "Users"): find, create, edit, reset, disable. */
export default function UsersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<UserFilters>({});
  // Typing in the search box asks the API once the typing pauses, not on every key.
  const [debounced] = useDebouncedValue(filters, 300);
  const users = useUsers(debounced);
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  return (
    <Page title={t('admin.users.title')} intro={t('admin.users.intro')}>
      <Group justify="space-between" align="end" wrap="wrap">
        <UserFiltersBar filters={filters} onChange={setFilters} />
        <Button onClick={() => (setNotice(undefined), setDialog({ action: 'create' }))}>
          {t('admin.users.create.open')}
        </Button>
      </Group>
      {notice && (
        <SuccessAlert onClose={() => setNotice(undefined)} closeLabel={t('common.close')}>
          {notice}
        </SuccessAlert>
      )}
      <Stack gap="sm">
        {users.isPending && <Loader aria-label={t('common.loading')} />}
        <ErrorAlert error={users.error} title={t('admin.users.loadFailed')} />
        {users.data && (
          <UsersTable
            users={users.data.pages.flatMap((p) => p.items)}
            onAction={(action, user) => (setNotice(undefined), setDialog({ action, user }))}
          />
        )}
        <MoreButton pages={users} label={t('admin.users.more')} />
      </Stack>
      <UserDialog dialog={dialog} onClose={() => setDialog(undefined)} onDone={setNotice} />
    </Page>
  );
}
