import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCountryName } from '../../i18n/countries';
import { caseName, overdueFor } from './caseName';
import type { CaseSummary } from './usePeoplePages';
import type { Compound } from '../../reference/useReferenceData';

/** The pieces of one case's row, shared by the table (wide screens) and the cards (phones). */

export function CaseLink({ person }: { person: CaseSummary }) {
  return (
    // A case number is one token: never broken across lines.
    <Anchor
      component={Link}
      to={`/cases/${person.id}`}
      fw={600}
      className="case-link"
      style={{ whiteSpace: 'nowrap' }}
    >
      {person.caseNumber}
    </Anchor>
  );
}

export function CaseNameText({ person }: { person: CaseSummary }) {
  const { t } = useTranslation();
  const { name, native } = caseName(person);
  if (person.erased)
    return (
      <Text inherit fs="italic">
        {t('people.cases.erased')}
      </Text>
    );
  return (
    <Group gap={6} wrap="wrap">
      <Text inherit>{name ?? t('people.cases.noName')}</Text>
      {native && (
        <Text inherit component="span" c="dimmed">
          {native}
        </Text>
      )}
    </Group>
  );
}

export function NationalityNames({ person }: { person: CaseSummary }) {
  const country = useCountryName();
  return <>{person.nationalities.map((n) => country(n.code)).join(', ')}</>;
}

export function CompoundName({ id, compounds }: { id: string | null; compounds?: Map<string, Compound> }) {
  const { t } = useTranslation();
  if (!id) return <>{t('people.cases.noCompound')}</>;
  return <>{compounds?.get(id)?.name ?? t('people.cases.unknownCompound')}</>;
}

export function OverdueFor({ since }: { since: string | undefined }) {
  const { t } = useTranslation();
  if (!since) return null;
  const { unit, count } = overdueFor(since);
  return (
    <Text fw={600} c="red.9" data-testid="overdue-for" style={{ whiteSpace: 'nowrap' }}>
      {t(`people.cases.overdueBy.${unit}`, { count })}
    </Text>
  );
}
