import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { AliasesText, placeOf } from './CompoundCells';
import type { CompoundListProps } from './CompoundList';
import { CompoundStatusBadge } from './CompoundStatusBadge';

/** The compounds on a phone: one card each, every word wrapping within the screen. */
export function CompoundCards({ compounds, onEdit }: CompoundListProps) {
  const { t } = useTranslation();
  const country = useCountryName();
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      aria-label={t('compounds.list.label')}
      style={{ listStyle: 'none' }}
    >
      {compounds.map((compound) => (
        <Card
          component="li"
          key={compound.id}
          withBorder
          padding="sm"
          data-testid="compound-row"
          data-name={compound.name}
        >
          <Stack gap={4}>
            <Group justify="space-between" align="start" gap="xs">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {compound.name}
              </Text>
              <CompoundStatusBadge status={compound.status} />
            </Group>
            <AliasesText compound={compound} />
            <Text size="sm">
              {[placeOf(compound), country(compound.countryCode)].filter(Boolean).join(' · ')}
            </Text>
            {compound.controlledBy && (
              <Text size="sm">{t('compounds.list.controlledBy', { group: compound.controlledBy })}</Text>
            )}
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => onEdit(compound)}
                aria-label={t('compounds.edit.openFor', { name: compound.name })}
              >
                {t('compounds.edit.open')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
