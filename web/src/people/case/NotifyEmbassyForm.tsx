import { Alert, Button, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { fieldErrors } from '../../api/messages';
import { useCountryName } from '../../i18n/countries';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { caseKeys, type Channel, type Contact, type Person } from './caseApi';

const CHANNELS: Channel[] = ['email', 'phone', 'letter', 'in_person', 'portal'];

/** `YYYY-MM-DDTHH:mm` in the reader's local time, for a datetime-local field. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Records that an embassy was told about the person (POST /people/:id/consular-notifications). The
 * API refuses without consent or with a protection claim; the form says so before, and the refusal
 * in plain words after.
 */
export function NotifyEmbassyForm({ person, contacts }: { person: Person; contacts: Contact[] }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const queryClient = useQueryClient();
  const codes = person.nationalities.map((n) => n.code);
  const [countryCode, setCountryCode] = useState<string | null>(codes[0] ?? null);
  const [contactId, setContactId] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>('email');
  const [notifiedAt, setNotifiedAt] = useState(localNow);
  const notify = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/people/{id}/consular-notifications', {
          params: { path: { id: person.id } },
          body: {
            countryCode: countryCode ?? '',
            channel: (channel ?? 'email') as Channel,
            notifiedAt: new Date(notifiedAt).toISOString(),
            ...(contactId ? { contactId } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all(person.id) }),
  });
  const errors = fieldErrors(notify.error);
  const fieldError = (field: string) =>
    errors[field] ? t(errors[field].key, errors[field].values) : undefined;
  const forCountry = contacts.filter((c) => c.countryCode === countryCode && c.active);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        notify.mutate();
      }}
    >
      <Stack gap="sm">
        {!person.consents.consularNotification && (
          <Alert color="yellow" variant="outline">
            {t('people.case.consular.needsConsent')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('people.case.consular.country')}
            data={codes.map((code) => ({ value: code, label: country(code) }))}
            value={countryCode}
            onChange={(value) => {
              setCountryCode(value);
              setContactId(null);
            }}
            allowDeselect={false}
            error={fieldError('countryCode')}
            required
          />
          <Select
            label={t('people.case.consular.contact')}
            placeholder={
              forCountry.length
                ? t('people.case.consular.contactPlaceholder')
                : t('people.case.consular.noContacts')
            }
            data={forCountry.map((c) => ({ value: c.id, label: `${c.name} — ${c.mission}` }))}
            value={contactId}
            onChange={setContactId}
            clearable
            error={fieldError('contactId')}
          />
          <Select
            label={t('people.case.consular.channelLabel')}
            data={CHANNELS.map((value) => ({ value, label: t(`people.case.consular.channel.${value}`) }))}
            value={channel}
            onChange={setChannel}
            allowDeselect={false}
            required
          />
          <TextInput
            type="datetime-local"
            label={t('people.case.consular.notifiedAt')}
            value={notifiedAt}
            onChange={(event) => setNotifiedAt(event.currentTarget.value)}
            error={fieldError('notifiedAt')}
            required
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {countryCode && t('people.case.consular.willSee', { country: country(countryCode) })}
        </Text>
        <ErrorAlert error={notify.error} title={t('people.case.consular.failed')} />
        {notify.isSuccess && (
          <Alert color="green" variant="outline" role="status">
            {t('people.case.consular.recorded')}
          </Alert>
        )}
        <Button
          type="submit"
          loading={notify.isPending}
          disabled={!countryCode || !notifiedAt}
          w="fit-content"
        >
          {t('people.case.consular.submit')}
        </Button>
      </Stack>
    </form>
  );
}
