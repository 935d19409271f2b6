import { Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { useEmbassyCase } from '../hooks/useEmbassyCases';
import { CaseActions } from './CaseActions';
import { CaseDetails } from './CaseDetails';
import { NotificationDetails } from './NotificationDetails';
import { romanisedName } from './personName';

/**
 * One case as the embassy sees it, opened from the list (`?case=<id>`, so the address can be shared
 * within the embassy's own sign-ins). A case outside the embassy's scope answers 404 exactly as a
 * missing one, and is shown as such.
 */
export function EmbassyCaseView({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useEmbassyCase(id);
  const back = (
    <Anchor component={Link} to="." relative="path">
      {t('consular.case.back')}
    </Anchor>
  );
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <Stack gap="sm">
        {back}
        <ErrorAlert error={query.error} title={t('consular.case.loadFailed')} />
      </Stack>
    );
  const person = query.data;
  return (
    <Stack gap="lg" data-testid="embassy-case" data-case-id={person.id}>
      {back}
      <div>
        <Title order={2} size="h3">
          {t('consular.case.heading', {
            caseNumber: person.caseNumber,
            name: romanisedName(person) || t('consular.fields.noName'),
          })}
        </Title>
        <Text size="sm">{t('consular.case.minimalView')}</Text>
      </div>
      <CaseDetails person={person} />
      <Card withBorder padding="md">
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('consular.notification.title')}
          </Title>
          {person.notification ? (
            <NotificationDetails notification={person.notification} />
          ) : (
            <Text>{t('consular.notification.none')}</Text>
          )}
        </Stack>
      </Card>
      <Title order={3} size="h4">
        {t('consular.actions.title')}
      </Title>
      <CaseActions person={person} />
    </Stack>
  );
}
