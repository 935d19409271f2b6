import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, UserFilters } from '../hooks/useUsers';
import { ROLES } from './userForm';

/** GET /users's filters: a role, part of a name or email, active or disabled accounts. */
export function UserFiltersBar({
  filters,
  onChange,
}: {
  filters: UserFilters;
  onChange: (f: UserFilters) => void;
}) {
  const { t } = useTranslation();
  const state = filters.disabled === undefined ? 'any' : filters.disabled ? 'disabled' : 'active';
  return (
    <Group align="end" wrap="wrap">
      <TextInput
        label={t('admin.users.filters.q')}
        value={filters.q ?? ''}
        onChange={(e) => onChange({ ...filters, q: e.currentTarget.value })}
        w={{ base: '100%', xs: 260 }}
        type="search"
      />
      <Select
        label={t('admin.users.filters.role')}
        placeholder={t('admin.users.filters.anyRole')}
        data={ROLES.map((r) => ({ value: r, label: t(`shell.roles.${r}`) }))}
        value={filters.role ?? null}
        onChange={(r) => onChange({ ...filters, role: (r as Role | null) ?? undefined })}
        clearable
        w={{ base: '100%', xs: 220 }}
      />
      <Select
        label={t('admin.users.filters.state')}
        data={(['any', 'active', 'disabled'] as const).map((s) => ({
          value: s,
          label: t(`admin.users.filters.states.${s}`),
        }))}
        value={state}
        onChange={(s) => onChange({ ...filters, disabled: s === 'any' || !s ? undefined : s === 'disabled' })}
        allowDeselect={false}
        w={{ base: '100%', xs: 200 }}
      />
    </Group>
  );
}
