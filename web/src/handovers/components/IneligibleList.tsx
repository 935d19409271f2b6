import { Anchor, Button, Group, Paper, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../people/components/StatusBadge';
import type { IneligiblePerson } from '../lib/offenders';
import { displayName } from '../lib/selection';

/**
 * Everyone the event cannot carry, each with their case number, current status and the reason in
 * plain words: one card a person, which reads as well on a phone as on a desk. The case opens in a
 * new tab, so fixing it there keeps this selection here.
 */
export function IneligibleList({
  people,
  onRemove,
}: {
  people: readonly IneligiblePerson[];
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Stack
        component="ul"
        gap="xs"
        p={0}
        m={0}
        aria-label={t('handovers.check.ineligibleLabel')}
        data-testid="ineligible"
      >
        {people.map(({ personId, reason, person }, i) => (
          <Paper
            component="li"
            key={`${personId}-${i}`}
            withBorder
            p="sm"
            data-case-number={person?.caseNumber}
            data-reason={reason}
          >
            <Stack gap={6}>
              <Group gap="sm" wrap="wrap">
                {person ? (
                  <Anchor component={Link} to={`/cases/${personId}`} target="_blank" rel="noopener" fw={700}>
                    {person.caseNumber}
                    <VisuallyHidden> {t('handovers.check.opensInNewTab')}</VisuallyHidden>
                  </Anchor>
                ) : (
                  <Text fw={700}>{t('handovers.check.unknownPerson')}</Text>
                )}
                {person && !person.erased && <Text>{displayName(person)}</Text>}
                {person && <StatusBadge status={person.status} />}
              </Group>
              <Text>
                {t(`handovers.reasons.${reason}`, {
                  status: person ? t(`common.status.${person.status}`) : '',
                })}
              </Text>
              <Group>
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="red"
                  onClick={() => onRemove(personId)}
                  aria-label={t('handovers.selection.remove', { caseNumber: person?.caseNumber ?? personId })}
                >
                  {t('handovers.check.removeOne')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
