import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/messages';
import { useCountryName } from '../../i18n/countries';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { BUILDER_TYPES, type EventDetails } from '../lib/types';
import { useConsularContacts, useNationalities } from '../../reference/useReferenceData';

/**
 * The event itself: what happened, when, where, between whom, and which embassy's officer was
 * there. The time is typed on the device's clock and sent in UTC. `apiError` is the last refused
 * check or recording: its field errors are shown beside the fields they are about.
 */
export function EventDetailsForm({
  form,
  apiError,
}: {
  form: UseFormReturnType<EventDetails>;
  apiError: unknown;
}) {
  const { t } = useTranslation();
  const country = useCountryName();
  const nationalities = useNationalities();
  const contacts = useConsularContacts();
  const server = fieldErrors(apiError);
  const props = (field: keyof EventDetails) => {
    const input = form.getInputProps(field);
    const local = input.error as string | undefined;
    const remote = server[field];
    return {
      ...input,
      error: local ? t(local) : remote ? t(remote.key, remote.values) : undefined,
    };
  };
  const countries = (nationalities.data ?? [])
    .filter((n) => n.alpha2)
    .map((n) => ({ value: n.code, label: country(n.code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const type = form.values.type;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('handovers.details.type')}
          required
          description={type ? t(`handovers.typeEffect.${type}`) : undefined}
          data={BUILDER_TYPES.map((v) => ({ value: v, label: t(`handovers.types.${v}`) }))}
          {...props('type')}
          onChange={(value) => form.setFieldValue('type', (value ?? '') as EventDetails['type'])}
          value={type || null}
        />
        <TextInput
          type="datetime-local"
          label={t('handovers.details.occurredAt')}
          description={t('handovers.details.occurredAtHelp')}
          required
          {...props('occurredAt')}
        />
        <TextInput label={t('handovers.details.place')} required maxLength={300} {...props('place')} />
        <Select
          label={t('handovers.details.country')}
          required
          searchable
          nothingFoundMessage={t('handovers.filters.nothingFound')}
          data={countries}
          {...props('countryCode')}
          onChange={(value) => form.setFieldValue('countryCode', value ?? '')}
          value={form.values.countryCode || null}
        />
        <TextInput
          label={t('handovers.details.fromParty')}
          description={t('handovers.details.fromPartyHelp')}
          required
          maxLength={300}
          {...props('fromParty')}
        />
        <TextInput
          label={t('handovers.details.toParty')}
          description={t('handovers.details.toPartyHelp')}
          required
          maxLength={300}
          {...props('toParty')}
        />
      </SimpleGrid>
      <Select
        label={t('handovers.details.contact')}
        description={t('handovers.details.contactHelp')}
        placeholder={t('handovers.details.noContact')}
        searchable
        clearable
        nothingFoundMessage={t('handovers.filters.nothingFound')}
        data={(contacts.data ?? []).map((c) => ({
          value: c.id,
          label: `${country(c.countryCode)}: ${c.name}, ${c.mission}`,
        }))}
        {...props('consularContactId')}
        onChange={(value) => form.setFieldValue('consularContactId', value ?? '')}
        value={form.values.consularContactId || null}
      />
      <Textarea
        label={t('handovers.details.notes')}
        description={t('handovers.details.notesHelp')}
        autosize
        minRows={2}
        maxLength={2000}
        {...props('notes')}
      />
      <ErrorAlert error={nationalities.error ?? contacts.error} />
    </Stack>
  );
}
