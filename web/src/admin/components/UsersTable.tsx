import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import type { User } from '../hooks/useUsers';

export type UserAction = 'edit' | 'reset' | 'mfaReset' | 'disable' | 'enable';

interface Props {
  users: User[];
  onAction: (action: UserAction, user: User) => void;
}

/** The accounts, with what an administrator can do to each; scrolls inside its box on a phone. */
export function UsersTable({ users, onAction }: Props) {
  const { t } = useTranslation();
  const country = useCountryName();
  if (users.length === 0) return <Text>{t('admin.users.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.fields.displayName')}</Table.Th>
            <Table.Th>{t('admin.users.fields.email')}</Table.Th>
            <Table.Th>{t('admin.users.fields.role')}</Table.Th>
            <Table.Th>{t('admin.users.fields.state')}</Table.Th>
            <Table.Th>{t('admin.users.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-email={user.email}>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                {t(`shell.roles.${user.role}`)}
                {user.nationalities.length > 0 && (
                  <Text size="sm">{user.nationalities.map(country).join(', ')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {/* A disabled account stands out filled, not in red: red text on white failed AA contrast. */}
                  <Badge variant={user.disabled ? 'filled' : 'outline'} color="dark" tt="none" fw={500}>
                    {t(user.disabled ? 'admin.users.state.disabled' : 'admin.users.state.active')}
                  </Badge>
                  {user.mustChangePassword && (
                    <Badge variant="outline" color="dark" tt="none" fw={500}>
                      {t('admin.users.state.mustChangePassword')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => onAction('edit', user)}>
                    {t('admin.users.edit.open')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => onAction('reset', user)}>
                    {t('admin.users.reset.open')}
                  </Button>
                  {!user.disabled && (
                    <Button size="xs" variant="default" onClick={() => onAction('mfaReset', user)}>
                      {t('admin.users.mfaReset.open')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="default"
                    color={user.disabled ? undefined : 'red'}
                    onClick={() => onAction(user.disabled ? 'enable' : 'disable', user)}
                  >
                    {t(user.disabled ? 'admin.users.enable.open' : 'admin.users.disable.open')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
