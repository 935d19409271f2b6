import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/messages';
import type { Role } from '../hooks/useUsers';
import { AdminErrorAlert } from './AdminErrorAlert';
import { CountryPicker } from './CountryPicker';
import { needsNationalities, ROLES, type UserDraft, type UserDraftErrors, validateUser } from './userForm';

interface Props {
  initial: UserDraft;
  /** A new user: email and temporary password too. An edit changes name, role and countries only. */
  creating: boolean;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (draft: UserDraft) => void;
  onCancel: () => void;
}

/** A user's fields, checked as the API checks them; the API's own refusals show beside each field. */
export function UserForm({ initial, creating, busy, error, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UserDraft>(initial);
  const [errors, setErrors] = useState<UserDraftErrors>({});
  const fromApi = fieldErrors(error);
  const message = (field: keyof UserDraft) => {
    if (errors[field]) return t(`admin.users.errors.${errors[field]}`);
    const api = fromApi[field === 'password' ? 'password' : field];
    return api ? t(api.key, api.values) : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateUser(draft, creating);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(draft);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <AdminErrorAlert
          error={error}
          title={t(creating ? 'admin.users.createFailed' : 'admin.users.editFailed')}
        />
        {creating && (
          <TextInput
            label={t('admin.users.fields.email')}
            type="email"
            autoComplete="off"
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
            error={message('email')}
            required
          />
        )}
        <TextInput
          label={t('admin.users.fields.displayName')}
          value={draft.displayName}
          onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
          error={message('displayName')}
          required
        />
        {creating && (
          <PasswordInput
            label={t('admin.users.fields.temporaryPassword')}
            description={t('admin.users.fields.temporaryPasswordHint')}
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
            error={message('password')}
            required
          />
        )}
        <Select
          label={t('admin.users.fields.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`shell.roles.${r}`) }))}
          value={draft.role || null}
          onChange={(r) => setDraft({ ...draft, role: (r ?? '') as Role | '' })}
          error={message('role')}
          allowDeselect={false}
          required
        />
        {needsNationalities(draft.role) && (
          <CountryPicker
            value={draft.nationalities}
            onChange={(nationalities) => setDraft({ ...draft, nationalities })}
            error={message('nationalities')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('admin.users.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
