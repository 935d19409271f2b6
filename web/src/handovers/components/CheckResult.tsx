import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { CheckedDraft } from '../lib/draft';
import { ineligiblePeople } from '../lib/offenders';
import type { Selection } from '../lib/selection';
import { IneligibleList } from './IneligibleList';
import { NationalityCounts } from './NationalityCounts';

/**
 * What the last check found: everyone can go (with the counts the event would record), or who
 * cannot and why, with one button to take them all out. A check made before the last change is
 * said to be out of date: the event cannot be recorded until it runs again.
 */
export function CheckResult({
  checked,
  current,
  selection,
  onRemove,
}: {
  checked: CheckedDraft;
  current: boolean;
  selection: Selection;
  onRemove: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  if (!current) {
    return (
      <Alert color="blue" variant="outline" role="status">
        {t('handovers.check.outOfDate')}
      </Alert>
    );
  }
  if (checked.valid) {
    const people = checked.summary?.people ?? selection.size;
    return (
      <Alert
        color="blue"
        variant="outline"
        role="status"
        title={t('handovers.check.clean', { count: people, formatted: number(people) })}
        data-testid="check-clean"
      >
        <Stack gap="xs">
          <Text>{t('handovers.check.cleanHelp')}</Text>
          {checked.summary && (
            <NationalityCounts
              counts={checked.summary.byNationality}
              label={t('handovers.check.byNationality')}
            />
          )}
        </Stack>
      </Alert>
    );
  }
  const people = ineligiblePeople(checked.offenders, selection);
  const ids = [...new Set(people.map((p) => p.personId))];
  return (
    <Stack gap="sm" data-testid="check-problems">
      <Alert
        color="red"
        variant="outline"
        role="alert"
        title={t('handovers.check.problems', { count: people.length, formatted: number(people.length) })}
      >
        {t('handovers.check.problemsHelp')}
      </Alert>
      <IneligibleList people={people} onRemove={(id) => onRemove([id])} />
      <Group>
        <Button color="red" onClick={() => onRemove(ids)}>
          {t('handovers.check.removeAll', { count: ids.length, formatted: number(ids.length) })}
        </Button>
      </Group>
    </Stack>
  );
}
