import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../hooks/useContacts';
import { ActiveBadge } from './ActiveBadge';
import { ContactActions } from './ContactActions';
import type { ContactAction } from './ContactDialog';
import { ContactReach } from './ContactReach';
import { useContactText } from './useContactText';

interface Props {
  contact: Contact;
  onAction: (action: ContactAction, contact: Contact) => void;
}

/** One contact on a phone: everything the table row holds, stacked, nothing wider than the screen. */
export function ContactCard({ contact: c, onAction }: Props) {
  const { t } = useTranslation();
  const text = useContactText();
  return (
    <Card withBorder padding="sm" component="li" data-contact={c.id}>
      <Stack gap={4}>
        <Group justify="space-between" align="start" wrap="nowrap" gap="xs">
          <div>
            <Text fw={700}>{c.name}</Text>
            {c.title && <Text size="sm">{c.title}</Text>}
          </div>
          <ActiveBadge active={c.active} />
        </Group>
        <Text size="sm">{[c.mission, c.city].filter(Boolean).join(', ')}</Text>
        {text.accredited(c) && <Text size="sm">{text.accredited(c)}</Text>}
        <ContactReach contact={c} />
        {c.languages.length > 0 && (
          <Text size="sm">
            {t('contacts.fields.languages')}: {text.languages(c)}
          </Text>
        )}
        <ContactActions contact={c} onAction={onAction} />
      </Stack>
    </Card>
  );
}
