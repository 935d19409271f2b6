import { Button, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useConsularContactsOf } from '../../reference/useReferenceData';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { caseKeys, type Person } from './caseApi';
import { NotificationCard } from './NotificationCard';
import { NotifyEmbassyForm } from './NotifyEmbassyForm';
import { Panel } from './Panel';
import { usePagedList } from './usePagedList';

/**
 * The embassies told about this person, what each did (acknowledgement, identity, travel document),
 * and the form to record a new notification with a contact of that country.
 */
export function ConsularPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [formOpen, form] = useDisclosure(false);
  const contacts = useConsularContactsOf(person.nationalities.map((n) => n.code));
  const list = usePagedList(caseKeys.notifications(person.id), (cursor) =>
    unwrap(
      api.GET('/api/v1/people/{id}/consular-notifications', {
        params: { path: { id: person.id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const byId = new Map((contacts.data ?? []).map((c) => [c.id, c]));

  return (
    <Panel id="consular" title={t('people.case.consular.title')} visibility={t('people.case.consular.intro')}>
      <ErrorAlert error={list.error ?? contacts.error} />
      {!list.isPending && list.items.length === 0 && <Text>{t('people.case.consular.none')}</Text>}
      <Stack gap="sm">
        {list.items.map((n) => (
          <NotificationCard
            key={n.id}
            notification={n}
            contact={n.contactId ? byId.get(n.contactId) : undefined}
          />
        ))}
      </Stack>
      {list.hasMore && (
        <Button variant="subtle" onClick={list.more} loading={list.loadingMore} w="fit-content">
          {t('people.case.showMore')}
        </Button>
      )}
      {!person.erased && (
        <>
          <Button
            variant="outline"
            onClick={form.toggle}
            aria-expanded={formOpen}
            aria-controls="notify-embassy"
            w="fit-content"
          >
            {t('people.case.consular.record')}
          </Button>
          <Collapse expanded={formOpen} id="notify-embassy">
            <NotifyEmbassyForm person={person} contacts={contacts.data ?? []} />
          </Collapse>
        </>
      )}
    </Panel>
  );
}
