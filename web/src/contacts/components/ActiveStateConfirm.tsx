import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { type Contact, useUpdateContact } from '../hooks/useContacts';

interface Props {
  contact: Contact;
  onCancel: () => void;
  onDone: (contact: Contact) => void;
}

/**
 * "Mark as no longer active" or "Active again", said out loud before it is done: an inactive contact
 * stays on record (past notifications name them) but is no longer offered when an embassy is told.
 * The action follows the contact as last read, so after a 412 reload it offers what still makes sense.
 */
export function ActiveStateConfirm({ contact, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const update = useUpdateContact();
  const action = contact.active ? 'deactivate' : 'activate';
  return (
    <Stack gap="sm">
      <Text>{t(`contacts.${action}.explain`, { name: contact.name, mission: contact.mission })}</Text>
      <ErrorAlert error={update.error} title={t(`contacts.${action}.failed`)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('contacts.cancel')}
        </Button>
        <Button
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { id: contact.id, version: contact.version, changes: { active: !contact.active } },
              { onSuccess: onDone },
            )
          }
        >
          {t(`contacts.${action}.submit`)}
        </Button>
      </Group>
    </Stack>
  );
}
