import { Alert, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../components/StatusBadge';
import type { Person } from './caseApi';
import { useCaseFacts } from './useCaseFacts';
import { useHistory } from './useHistory';

/** Whole days between two instants, at least 0. */
export function daysBetween(from: string, to: Date = new Date()): number {
  return Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 86_400_000));
}

/**
 * Who this case is and where it stands: names (as on documents and in the person's own script),
 * status, nationalities, compound, rescue date, caseworker, how long in this status, and overdue
 * when the stage clocks say so.
 */
export function CaseHeader({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const history = useHistory(person.id);
  const facts = useCaseFacts(person, history.items);
  const romanised = [person.givenName, person.familyName].filter(Boolean).join(' ');
  const fact = (label: string, value: string | undefined) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value || t('people.case.header.none')}</Text>
    </div>
  );

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="case-header">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" align="center">
          <Text fw={700} size="lg" data-testid="case-name">
            {person.erased ? t('people.case.header.erasedName') : romanised || t('people.case.header.noName')}
          </Text>
          {person.nameNative && (
            <Text size="lg" data-testid="case-name-native">
              {person.nameNative}
            </Text>
          )}
          <StatusBadge status={person.status} />
        </Group>
        {facts.overdueSince && (
          <Alert color="red" variant="outline" data-testid="overdue">
            {t('people.case.header.overdue', {
              since: format.dateTime(facts.overdueSince),
              count: daysBetween(facts.overdueSince),
            })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {fact(t('people.case.header.caseNumber'), person.caseNumber)}
          {fact(
            t('people.case.header.nationalities'),
            person.nationalities
              .map((n) =>
                n.verified ? t('people.case.header.verified', { country: country(n.code) }) : country(n.code),
              )
              .join(', '),
          )}
          {fact(t('people.case.header.compound'), facts.compoundName)}
          {fact(t('people.case.header.rescued'), format.date(person.rescuedAt))}
          {fact(t('people.case.header.caseworker'), facts.caseworkerName)}
          {fact(
            t('people.case.header.inStatus'),
            facts.statusSince
              ? t('people.case.header.since', {
                  date: format.date(facts.statusSince),
                  count: daysBetween(facts.statusSince),
                })
              : undefined,
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
