import { Button, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/messages';
import { useCountryName } from '../../i18n/countries';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { type ContactDraft, type ContactDraftErrors, type DraftField, validateContact } from './contactForm';
import { CountrySelect } from './CountrySelect';
import { LanguagePicker } from './LanguagePicker';

interface Props {
  draft: ContactDraft;
  onChange: (draft: ContactDraft) => void;
  /** A new contact picks its country; an edit shows it (a contact for another country is a new one). */
  creating: boolean;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** Said above the fields, e.g. that the form was reloaded after someone else's save. */
  notice?: ReactNode;
}

const TEXTS = ['mission', 'city', 'name', 'title', 'phone', 'email'] as const;

/** A contact's fields, checked as the API checks them; the API's own refusals show under each field. */
export function ContactForm({
  draft,
  onChange,
  creating,
  busy,
  error,
  submitLabel,
  onSubmit,
  onCancel,
  notice,
}: Props) {
  const { t } = useTranslation();
  const country = useCountryName();
  const [errors, setErrors] = useState<ContactDraftErrors>({});
  const fromApi = fieldErrors(error);
  const message = (field: DraftField) => {
    if (errors[field]) return t(`contacts.errors.${errors[field]}`);
    // The API names an array item `languages.1` or `languages[1]`: shown under the whole list.
    const key = Object.keys(fromApi).find(
      (k) => k === field || k.startsWith(`${field}.`) || k.startsWith(`${field}[`),
    );
    return key ? t(fromApi[key].key, fromApi[key].values) : undefined;
  };
  const set = <F extends DraftField>(field: F, value: ContactDraft[F]) => {
    onChange({ ...draft, [field]: value });
    // A corrected field loses its complaint; the others keep theirs until the next try.
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateContact(draft, creating);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {notice}
        <ErrorAlert error={error} title={t(creating ? 'contacts.create.failed' : 'contacts.edit.failed')} />
        {creating ? (
          <CountrySelect
            label={t('contacts.fields.countryCode')}
            description={t('contacts.fields.countryCodeHint')}
            value={draft.countryCode}
            onChange={(code) => set('countryCode', code)}
            error={message('countryCode')}
            required
          />
        ) : (
          <Text>
            {t('contacts.fields.countryCode')}: <strong>{country(draft.countryCode)}</strong>
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {TEXTS.map((field) => (
            <TextInput
              key={field}
              label={t(`contacts.fields.${field}`)}
              description={field === 'phone' ? t('contacts.fields.phoneHint') : undefined}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              value={draft[field]}
              onChange={(e) => set(field, e.currentTarget.value)}
              error={message(field)}
              required={field === 'mission' || field === 'name'}
            />
          ))}
        </SimpleGrid>
        <LanguagePicker
          value={draft.languages}
          onChange={(tags) => set('languages', tags)}
          error={message('languages')}
        />
        <CountrySelect
          label={t('contacts.fields.accreditedFrom')}
          description={t('contacts.fields.accreditedFromHint')}
          placeholder={t('contacts.fields.accreditedFromNone')}
          value={draft.accreditedFrom}
          onChange={(code) => set('accreditedFrom', code)}
          error={message('accreditedFrom')}
          clearable
        />
        <Switch
          label={t('contacts.fields.active')}
          description={t('contacts.fields.activeHint')}
          checked={draft.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('contacts.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
