import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../hooks/useContacts';
import type { ContactAction } from './ContactDialog';

interface Props {
  contact: Contact;
  onAction: (action: ContactAction, contact: Contact) => void;
}

/** Edit, and the explicit change of state; each button names the contact for a screen reader's list of buttons. */
export function ContactActions({ contact, onAction }: Props) {
  const { t } = useTranslation();
  const state = contact.active ? 'deactivate' : 'activate';
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="default"
        aria-label={t('contacts.edit.openFor', { name: contact.name })}
        onClick={() => onAction('edit', contact)}
      >
        {t('contacts.edit.open')}
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={t(`contacts.${state}.openFor`, { name: contact.name })}
        onClick={() => onAction('state', contact)}
      >
        {t(`contacts.${state}.open`)}
      </Button>
    </Group>
  );
}
