import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import type { Contact, Notification } from './caseApi';

/**
 * One embassy notified: when and how, what the embassy did since (acknowledged, identity verified),
 * and the travel document it issued, if any (embassies record those: API.md "Consular coordination").
 */
export function NotificationCard({
  notification,
  contact,
}: {
  notification: Notification;
  contact?: Contact;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const doc = notification.travelDocument;
  const pending = t('people.case.consular.notYet');
  const row = (label: string, value: string | undefined) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value ?? pending}</Text>
    </div>
  );
  return (
    <Paper withBorder p="sm" data-testid="notification">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('people.case.consular.notified', { country: country(notification.countryCode) })}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          {row(
            t('people.case.consular.when'),
            t('people.case.consular.whenHow', {
              when: format.dateTime(notification.notifiedAt),
              channel: t(`people.case.consular.channel.${notification.channel}`),
            }),
          )}
          {row(
            t('people.case.consular.contact'),
            contact ? `${contact.name}, ${contact.mission}` : undefined,
          )}
          {row(t('people.case.consular.acknowledged'), format.dateTime(notification.acknowledgedAt))}
          {row(t('people.case.consular.identityVerified'), format.dateTime(notification.identityVerifiedAt))}
          {row(
            t('people.case.consular.travelDocument'),
            doc
              ? t('people.case.consular.documentText', {
                  type: t(`people.case.consular.documentType.${doc.type}`),
                  number: doc.number ?? t('people.case.erasedValue'),
                  expires: format.date(doc.expiresAt),
                  issued: format.date(doc.issuedAt),
                })
              : undefined,
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
