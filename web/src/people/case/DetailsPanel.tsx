import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useLanguageName } from '../../i18n/languageNames';
import type { Person } from './caseApi';
import { EditDetailsForm } from './EditDetailsForm';
import { Panel } from './Panel';

/** Whole years from a date of birth to today. */
export function ageFrom(dateOfBirth: string, today: Date = new Date()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const age = today.getUTCFullYear() - y;
  const hadBirthday =
    today.getUTCMonth() + 1 > m || (today.getUTCMonth() + 1 === m && today.getUTCDate() >= d);
  return hadBirthday ? age : age - 1;
}

/**
 * Who the person is beyond the header: sex and age, other names, document, languages, needs, how
 * they were taken and found, and their own account. The account stays hidden until asked for (a
 * shared laptop, a screen others can see). "Edit details" turns the panel into the form.
 */
export function DetailsPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const languageName = useLanguageName();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | undefined>();
  const [showAccount, setShowAccount] = useState(false);
  const none = t('people.case.header.none');
  const list = (values: string[] | null) => (values?.length ? values.join(', ') : none);
  const fact = (label: string, value: string | undefined | null, testId?: string) => (
    <div data-testid={testId}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value || none}</Text>
    </div>
  );

  const age = person.dateOfBirth
    ? t('people.case.details.bornOn', {
        date: format.date(person.dateOfBirth),
        age: format.number(ageFrom(person.dateOfBirth)),
      })
    : person.estimatedAge !== null
      ? t('people.case.details.estimated', { age: format.number(person.estimatedAge) })
      : undefined;

  return (
    <Panel
      id="details"
      title={t('people.case.details.title')}
      visibility={t('people.case.details.visibility')}
    >
      {editing ? (
        <EditDetailsForm
          person={person}
          onDone={(done) => {
            setEditing(false);
            setOutcome(done === 'cancelled' ? undefined : done);
          }}
        />
      ) : (
        <Stack gap="sm" data-testid="details">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {fact(t('people.intake.fields.sex'), t(`people.intake.sex.${person.sex}`))}
            {fact(t('people.intake.fields.ageBy'), age, 'details-age')}
            {fact(t('people.intake.fields.aliases'), list(person.aliases))}
            {fact(t('people.intake.fields.documentNumber'), person.documentNumber)}
            {fact(t('people.intake.fields.languages'), list((person.languages ?? []).map(languageName)))}
            {fact(
              t('people.intake.fields.vulnerabilities'),
              list((person.vulnerabilities ?? []).map((v) => t(`people.intake.vulnerability.${v}`))),
            )}
            {fact(t('people.intake.fields.rescuePlace'), person.rescuePlace)}
            {fact(
              t('people.intake.fields.recruitedVia'),
              person.recruitedVia && t(`people.intake.recruitedVia.${person.recruitedVia}`),
            )}
            {fact(t('people.intake.fields.traffickedOn'), format.date(person.traffickedAt))}
          </SimpleGrid>
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {t('people.intake.fields.narrative')}
              </Text>
              <Badge color="red" variant="filled">
                {t('people.intake.sensitive')}
              </Badge>
            </Group>
            {!person.narrative ? (
              <Text size="sm">{none}</Text>
            ) : showAccount ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="details-account">
                {person.narrative}
              </Text>
            ) : (
              <Text size="sm">{t('people.case.details.accountHidden')}</Text>
            )}
            {person.narrative && (
              <Button
                variant="subtle"
                size="compact-sm"
                w="fit-content"
                aria-expanded={showAccount}
                onClick={() => setShowAccount((shown) => !shown)}
              >
                {showAccount ? t('people.case.details.hideAccount') : t('people.case.details.showAccount')}
              </Button>
            )}
          </Stack>
          {outcome && (
            <Alert color="green" variant="outline" role="status">
              {t(`people.case.details.${outcome}`)}
            </Alert>
          )}
          <Button
            variant="outline"
            w="fit-content"
            onClick={() => {
              setOutcome(undefined);
              setShowAccount(false);
              setEditing(true);
            }}
          >
            {t('people.case.details.edit')}
          </Button>
        </Stack>
      )}
    </Panel>
  );
}
