import { Button, Group, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/messages';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { CountrySelect } from '../CountrySelect';
import {
  COMPOUND_LIMITS,
  COMPOUND_STATUSES,
  type CompoundDraft,
  type CompoundDraftErrors,
  type CompoundField,
  type CompoundStatus,
  draftFieldOf,
  validateCompound,
} from './compoundForm';

interface Props {
  initial: CompoundDraft;
  busy: boolean;
  error: unknown;
  errorTitle: string;
  submitLabel: string;
  onSubmit: (draft: CompoundDraft) => void;
  onCancel: () => void;
}

/** A compound's fields, checked as the API checks them; the API's own refusals show under each field. */
export function CompoundForm({ initial, busy, error, errorTitle, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CompoundDraft>(initial);
  const [errors, setErrors] = useState<CompoundDraftErrors>({});
  const fromApi: Partial<Record<CompoundField, string>> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const own = draftFieldOf(field);
    if (own) fromApi[own] ??= t(message.key, message.values);
  }
  const message = (field: CompoundField) =>
    errors[field] ? t(`compounds.errors.${errors[field]}`, { max: COMPOUND_LIMITS.aliases }) : fromApi[field];
  const set = (change: Partial<CompoundDraft>) => setDraft((d) => ({ ...d, ...change }));
  const text = (field: 'name' | 'region' | 'town' | 'controlledBy' | 'latitude' | 'longitude') => ({
    label: t(`compounds.fields.${field}`),
    value: draft[field],
    onChange: (e: { currentTarget: { value: string } }) => set({ [field]: e.currentTarget.value }),
    error: message(field),
    autoComplete: 'off',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // This form may open over the intake form: its submit must not reach that form through React's tree.
    event.stopPropagation();
    const found = validateCompound(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(draft);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} title={errorTitle} />
        <TextInput {...text('name')} required />
        <TagsInput
          label={t('compounds.fields.aliases')}
          description={t('compounds.fields.aliasesHelp')}
          value={draft.aliases}
          onChange={(aliases) => set({ aliases })}
          error={message('aliases')}
          maxTags={COMPOUND_LIMITS.aliases}
          splitChars={[',', ';']}
          acceptValueOnBlur
          clearable
          clearButtonProps={{ 'aria-label': t('compounds.fields.clearAliases') }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <CountrySelect
            label={t('compounds.fields.countryCode')}
            value={draft.countryCode}
            onChange={(countryCode) => set({ countryCode })}
            error={message('countryCode')}
            required
          />
          <Select
            label={t('compounds.fields.status')}
            data={COMPOUND_STATUSES.map((s) => ({ value: s, label: t(`compounds.status.${s}`) }))}
            value={draft.status || null}
            onChange={(s) => set({ status: (s ?? '') as CompoundStatus | '' })}
            error={message('status')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            required
          />
          <TextInput {...text('region')} description={t('compounds.fields.regionHelp')} />
          <TextInput {...text('town')} />
        </SimpleGrid>
        <TextInput {...text('controlledBy')} description={t('compounds.fields.controlledByHelp')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            {...text('latitude')}
            inputMode="decimal"
            description={t('compounds.fields.latitudeHelp')}
          />
          <TextInput
            {...text('longitude')}
            inputMode="decimal"
            description={t('compounds.fields.longitudeHelp')}
          />
        </SimpleGrid>
        <Textarea
          label={t('compounds.fields.notes')}
          value={draft.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={message('notes')}
          autosize
          minRows={2}
          maxRows={8}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('compounds.form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
