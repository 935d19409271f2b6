import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import type { RecordedHandover } from '../lib/types';
import { NationalityCounts } from './NationalityCounts';

/** The event just recorded, as the API stored it: who, how many, of which nationalities. */
export function RecordedSummary({ event, onNew }: { event: RecordedHandover; onNew: () => void }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const country = useCountryName();
  const { summary } = event;
  // The button pressed is at the foot of the builder: bring the answer to the reader (and the focus).
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'start' });
    box.current?.focus({ preventScroll: true });
  }, [event.id]);
  return (
    <Alert
      ref={box}
      tabIndex={-1}
      color="blue"
      variant="outline"
      role="status"
      title={t('handovers.recorded.title', {
        type: t(`handovers.types.${event.type}`),
        count: summary.people,
        formatted: number(summary.people),
      })}
      data-testid="recorded-summary"
    >
      <Stack gap="xs">
        <Text>
          {t('handovers.recorded.where', {
            when: dateTime(event.occurredAt),
            place: event.place,
            country: country(event.countryCode),
          })}
        </Text>
        <Text fw={600}>{t('handovers.recorded.byNationality')}</Text>
        <NationalityCounts counts={summary.byNationality} label={t('handovers.recorded.byNationality')} />
        {(summary.byOutcome.absent > 0 || summary.byOutcome.declined > 0) && (
          <Text>
            {t('handovers.recorded.outcomes', {
              handedOver: number(summary.byOutcome.handed_over),
              absent: number(summary.byOutcome.absent),
              declined: number(summary.byOutcome.declined),
            })}
          </Text>
        )}
        <Group>
          <Button variant="outline" onClick={onNew}>
            {t('handovers.recorded.startNew')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
