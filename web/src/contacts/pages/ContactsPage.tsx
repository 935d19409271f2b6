import { Button, Group, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Page } from '../../shell/Page';
import { SuccessAlert } from '../../shell/SuccessAlert';
import { type Dialog, ContactDialog } from '../components/ContactDialog';
import { ContactFiltersBar } from '../components/ContactFiltersBar';
import { ContactGroups } from '../components/ContactGroups';
import { type ContactFilters, useContactList } from '../hooks/useContacts';
import { MoreButton } from '../../shell/MoreButton';

/**
 * The embassy contacts staff keep (API.md "Consular coordination"): by country, active or not; add,
 * edit, and set a contact who left as no longer active (never deleted: past notifications name them).
 */
export default function ContactsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ContactFilters>({ state: 'active' });
  const list = useContactList(filters.countryCode);
  const contacts = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const open = (d: Dialog) => (setNotice(undefined), setDialog(d));

  return (
    <Page title={t('contacts.title')} intro={t('contacts.intro')}>
      <Group justify="space-between" align="end" wrap="wrap">
        <ContactFiltersBar filters={filters} onChange={setFilters} />
        <Button onClick={() => open({ action: 'create' })}>{t('contacts.create.open')}</Button>
      </Group>
      {notice && (
        <SuccessAlert onClose={() => setNotice(undefined)} closeLabel={t('common.close')}>
          {notice}
        </SuccessAlert>
      )}
      <Stack gap="sm">
        {list.isPending && <Loader aria-label={t('common.loading')} />}
        <ErrorAlert error={list.error} title={t('contacts.loadFailed')} />
        {list.data && (
          <ContactGroups
            contacts={contacts}
            state={filters.state}
            onAction={(action, contact) => open({ action, id: contact.id })}
          />
        )}
        <MoreButton pages={list} label={t('contacts.more')} />
      </Stack>
      <ContactDialog
        dialog={dialog}
        contact={dialog && dialog.action !== 'create' ? contacts.find((c) => c.id === dialog.id) : undefined}
        countryCode={filters.countryCode}
        onClose={() => setDialog(undefined)}
        onDone={setNotice}
      />
    </Page>
  );
}
