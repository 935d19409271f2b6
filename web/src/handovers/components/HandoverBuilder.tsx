import { Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { useHandoverBuilder } from '../hooks/useHandoverBuilder';
import { offendersOfRefusal } from '../lib/offenders';
import { CheckResult } from './CheckResult';
import { EventDetailsForm } from './EventDetailsForm';
import { FilterPicker } from './FilterPicker';
import { PastePicker } from './PastePicker';
import { RecordedSummary } from './RecordedSummary';
import { SelectionList } from './SelectionList';

/**
 * One handover event, built in four steps: choose the people, describe the event, check who can
 * go, record it. Recording is possible only after a clean check of exactly what is on screen.
 */
export function HandoverBuilder() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const b = useHandoverBuilder();
  // A refusal that names people is shown as the check's list, not as a second message.
  const refused = !!offendersOfRefusal(b.record.error);

  return (
    <Stack gap="lg">
      {b.recorded && <RecordedSummary event={b.recorded} onNew={b.startNew} />}

      <Step id="step-people" title={t('handovers.steps.people')}>
        {/* A new event starts with fresh pickers: the last one's messages would only mislead. */}
        <Tabs defaultValue="filters" keepMounted={false} key={b.recorded?.id ?? 'new'}>
          <Tabs.List>
            <Tabs.Tab value="filters">{t('handovers.steps.byFilters')}</Tabs.Tab>
            <Tabs.Tab value="paste">{t('handovers.steps.byCaseNumbers')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="filters" pt="sm">
            <FilterPicker onAdd={b.add} />
          </Tabs.Panel>
          <Tabs.Panel value="paste" pt="sm">
            <PastePicker onAdd={b.add} />
          </Tabs.Panel>
        </Tabs>
        <SelectionList selection={b.selection} onRemove={(id) => b.remove([id])} onClear={b.clear} />
      </Step>

      <Step id="step-event" title={t('handovers.steps.event')}>
        <EventDetailsForm form={b.form} apiError={b.dryRun.error ?? b.record.error} />
      </Step>

      <Step id="step-check" title={t('handovers.steps.check')}>
        <Text>{t('handovers.check.intro')}</Text>
        <Group>
          <Button
            onClick={b.check}
            loading={b.dryRun.isPending}
            variant={b.recordable ? 'outline' : 'filled'}
          >
            {b.checked ? t('handovers.check.again') : t('handovers.check.run')}
          </Button>
        </Group>
        {b.noPeople && (
          <Text c="red.8" role="alert">
            {t('handovers.check.noPeople')}
          </Text>
        )}
        <ErrorAlert error={b.dryRun.error} title={t('handovers.check.failed')} />
        {b.checked && (
          <CheckResult
            checked={b.checked}
            current={b.checkIsCurrent}
            selection={b.selection}
            onRemove={b.remove}
          />
        )}
      </Step>

      <Step id="step-record" title={t('handovers.steps.record')}>
        <Text>{t('handovers.record.visibleTo')}</Text>
        {!b.recordable && <Text>{t('handovers.record.needsCheck')}</Text>}
        <Group>
          <Button onClick={b.submit} disabled={!b.recordable} loading={b.record.isPending}>
            {t('handovers.record.button', { count: b.selection.size, formatted: number(b.selection.size) })}
          </Button>
        </Group>
        {refused ? (
          <Text c="red.8" role="alert">
            {t('handovers.record.refused')}
          </Text>
        ) : (
          <ErrorAlert error={b.record.error} title={t('handovers.record.failed')} />
        )}
      </Step>
    </Stack>
  );
}

function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
