import { Alert, Anchor, Button, Checkbox, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useCountryName } from '../../i18n/countries';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { type DuplicateCandidate, reasonKeys } from './duplicateCriteria';
import { scriptLanguage } from './scriptLanguage';
import type { DuplicateSearch } from './useDuplicateCandidates';

interface Props {
  search: DuplicateSearch;
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean) => void;
}

/**
 * Search before create (DHIS2 Capture's search-before-register): the people already registered who
 * may be this one, each with the reasons in plain words and a link to their case. Registering a new
 * person while any is listed takes a deliberate "none of these is this person".
 */
export function DuplicatePanel({ search, acknowledged, onAcknowledge }: Props) {
  const { t } = useTranslation();
  const { candidates, criteria, checking, error } = search;
  const count = candidates.length;
  const failed = Boolean(error) && !checking;

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="duplicates-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="duplicates-heading">
          {t('people.intake.duplicates.title')}
        </Title>
        {/* Announced as it changes, so a screen-reader user hears that matches appeared. */}
        <div aria-live="polite" data-testid="duplicates-status">
          {criteria === undefined && !checking ? (
            <Text size="sm">{t('people.intake.duplicates.startTyping')}</Text>
          ) : checking ? (
            <Text size="sm">
              <Loader size="xs" mr="xs" aria-hidden />
              {t('people.intake.duplicates.checking')}
            </Text>
          ) : error ? null : count === 0 ? (
            <Text size="sm">{t('people.intake.duplicates.none')}</Text>
          ) : (
            <Text size="sm" fw={600}>
              {t('people.intake.duplicates.found', { count })}
            </Text>
          )}
        </div>
        {failed ? (
          <Stack gap="xs">
            <ErrorAlert error={error} title={t('people.intake.duplicates.failed')} />
            <Button variant="default" onClick={search.retry} w="fit-content">
              {t('common.retry')}
            </Button>
          </Stack>
        ) : null}
        {count > 0 && criteria && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {candidates.map((candidate) => (
              <CandidateCard
                key={candidate.person.id}
                candidate={candidate}
                reasons={reasonKeys(candidate, criteria)}
              />
            ))}
          </Stack>
        )}
        {(count > 0 || failed) && (
          <Alert color="yellow" variant="light" p="sm">
            <Checkbox
              checked={acknowledged}
              onChange={(event) => onAcknowledge(event.currentTarget.checked)}
              label={
                count > 0
                  ? t('people.intake.duplicates.noneIsThisPerson')
                  : t('people.intake.duplicates.couldNotCheck')
              }
              description={t('people.intake.duplicates.acknowledgeHelp')}
              data-testid="acknowledge-duplicates"
            />
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function CandidateCard({ candidate, reasons }: { candidate: DuplicateCandidate; reasons: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const { person } = candidate;
  const name =
    [person.givenName, person.familyName].filter(Boolean).join(' ') || t('people.intake.duplicates.noName');
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="duplicate-candidate">
      <Stack gap={4}>
        <Text fw={700}>
          {name}
          {person.nameNative && (
            <>
              {' · '}
              <span lang={scriptLanguage(person.nameNative)} dir="auto">
                {person.nameNative}
              </span>
            </>
          )}
        </Text>
        <Text size="sm">
          {t('people.intake.duplicates.caseNumber', { caseNumber: person.caseNumber })}
          {person.dateOfBirth &&
            ` · ${t('people.intake.duplicates.born', { date: format.date(person.dateOfBirth) })}`}
          {person.nationalities.length > 0 &&
            ` · ${person.nationalities.map((n) => country(n.code)).join(', ')}`}
        </Text>
        <Text size="sm" fw={600}>
          {t('people.intake.duplicates.why')}
        </Text>
        <List size="sm" spacing={2}>
          {reasons.map((reason) => (
            <List.Item key={reason}>{t(`people.intake.duplicates.reason.${reason}`)}</List.Item>
          ))}
        </List>
        <Anchor component={Link} to={`/cases/${person.id}`} fw={600} size="sm">
          {t('people.intake.duplicates.open', { caseNumber: person.caseNumber })}
        </Anchor>
      </Stack>
    </Paper>
  );
}
