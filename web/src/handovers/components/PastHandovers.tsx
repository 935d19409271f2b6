import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { usePastHandovers } from '../hooks/usePastHandovers';
import type { HandoverEvent } from '../lib/types';
import { NationalityCounts } from './NationalityCounts';
import { MoreButton } from '../../shell/MoreButton';

/** Every recorded event, newest first, with its details and head counts. */
export function PastHandovers() {
  const { t } = useTranslation();
  const list = usePastHandovers();
  const events = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="past-handovers">
      <Title order={2} size="h3" id="past-handovers">
        {t('handovers.past.title')}
      </Title>
      <ErrorAlert error={list.error} title={t('handovers.past.failed')} />
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && events.length === 0 && <Text>{t('handovers.past.empty')}</Text>}
      <Stack gap="sm" component="ul" p={0} m={0} data-testid="past-handovers">
        {events.map((event) => (
          <PastEvent key={event.id} event={event} />
        ))}
      </Stack>
      <MoreButton pages={list} label={t('handovers.past.more')} variant="outline" />
    </Stack>
  );
}

function PastEvent({ event }: { event: HandoverEvent }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const country = useCountryName();
  return (
    <Card component="li" withBorder padding="sm" data-type={event.type} data-people={event.summary.people}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>{t(`handovers.types.${event.type}`)}</Text>
          <Text>{dateTime(event.occurredAt)}</Text>
        </Group>
        <Text>{t('handovers.past.where', { place: event.place, country: country(event.countryCode) })}</Text>
        <Text>{t('handovers.past.parties', { from: event.fromParty, to: event.toParty })}</Text>
        <Text>
          {t('handovers.past.people', {
            count: event.summary.people,
            formatted: number(event.summary.people),
          })}
        </Text>
        <NationalityCounts counts={event.summary.byNationality} label={t('handovers.past.byNationality')} />
        {event.notes && <Text size="sm">{t('handovers.past.notes', { notes: event.notes })}</Text>}
      </Stack>
    </Card>
  );
}
