import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActors } from '../hooks/useAudit';
import {
  type AuditFilterErrors,
  type AuditFilters,
  ENTITY_TYPES,
  NO_FILTERS,
  validateAuditFilters,
} from './auditFilters';

interface Props {
  applied: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/** The audit log's filters; applied together with one button, so a half-typed id asks nothing. */
export function AuditFiltersForm({ applied, onApply }: Props) {
  const { t } = useTranslation();
  const actors = useActors();
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [errors, setErrors] = useState<AuditFilterErrors>({});
  const set = (field: keyof AuditFilters) => (value: string | null) =>
    setDraft({ ...draft, [field]: value ?? '' });
  const error = (field: keyof AuditFilters) => errors[field] && t(`admin.audit.errors.${errors[field]}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAuditFilters(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setErrors({});
    onApply(NO_FILTERS);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.audit.filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Select
          label={t('admin.audit.filters.actor')}
          placeholder={t('admin.audit.filters.anyone')}
          data={(actors.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName} (${t(`shell.roles.${u.role}`)})`,
          }))}
          value={draft.actorId || null}
          onChange={set('actorId')}
          searchable
          clearable
        />
        <Select
          label={t('admin.audit.filters.entityType')}
          placeholder={t('admin.audit.filters.anyType')}
          data={ENTITY_TYPES.map((type) => ({ value: type, label: t(`admin.audit.entityTypes.${type}`) }))}
          value={draft.entityType || null}
          onChange={set('entityType')}
          clearable
        />
        <TextInput
          label={t('admin.audit.filters.entityId')}
          value={draft.entityId}
          onChange={(e) => set('entityId')(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextInput
          label={t('admin.audit.filters.action')}
          description={t('admin.audit.filters.actionHint')}
          value={draft.action}
          onChange={(e) => set('action')(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextInput
          type="date"
          label={t('admin.audit.filters.from')}
          value={draft.from}
          onChange={(e) => set('from')(e.currentTarget.value)}
          error={error('from')}
        />
        <TextInput
          type="date"
          label={t('admin.audit.filters.to')}
          value={draft.to}
          onChange={(e) => set('to')(e.currentTarget.value)}
          error={error('to')}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">{t('admin.audit.filters.apply')}</Button>
        <Button variant="default" onClick={clear}>
          {t('admin.audit.filters.clear')}
        </Button>
      </Group>
    </form>
  );
}
