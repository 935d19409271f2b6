import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import type { EmbassyCase } from '../hooks/useEmbassyCases';
import { Field } from './CaseDetails';

type Notification = NonNullable<EmbassyCase['notification']>;

/** The notification to the officer's country and what the embassy has done on it so far. */
export function NotificationDetails({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const document = notification.travelDocument;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" data-testid="notification-details">
      <Field label={t('consular.notification.country')}>{country(notification.countryCode)}</Field>
      <Field label={t('consular.notification.notifiedAt')}>
        {t('consular.notification.notifiedBy', {
          when: format.dateTime(notification.notifiedAt),
          channel: t(`consular.channel.${notification.channel}`),
        })}
      </Field>
      <Field label={t('consular.notification.acknowledgedAt')}>
        {format.dateTime(notification.acknowledgedAt)}
      </Field>
      <Field label={t('consular.notification.identityVerifiedAt')}>
        {format.dateTime(notification.identityVerifiedAt)}
      </Field>
      <Field label={t('consular.document.title')}>
        {document &&
          t('consular.document.summary', {
            type: t(`consular.document.types.${document.type}`),
            number: document.number ?? t('consular.fields.notRecorded'),
            issued: format.date(document.issuedAt),
            expires: format.date(document.expiresAt),
          })}
      </Field>
    </SimpleGrid>
  );
}
