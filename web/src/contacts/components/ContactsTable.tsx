import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../hooks/useContacts';
import { ActiveBadge } from './ActiveBadge';
import { ContactActions } from './ContactActions';
import type { ContactAction } from './ContactDialog';
import { ContactReach } from './ContactReach';
import { useContactText } from './useContactText';

interface Props {
  /** The id of the country's heading, which names the table. */
  labelledBy: string;
  contacts: Contact[];
  onAction: (action: ContactAction, contact: Contact) => void;
}

/** One country's contacts on a wide screen, a row each. */
export function ContactsTable({ labelledBy, contacts, onAction }: Props) {
  const { t } = useTranslation();
  const text = useContactText();
  return (
    <Table striped verticalSpacing="xs" data-testid="contacts-table" aria-labelledby={labelledBy}>
      {/* Headers and the state on one line: a squeezed column broke "Languages" and cut the badge short. */}
      <Table.Thead style={{ whiteSpace: 'nowrap' }}>
        <Table.Tr>
          <Table.Th>{t('contacts.columns.mission')}</Table.Th>
          <Table.Th>{t('contacts.columns.officer')}</Table.Th>
          <Table.Th>{t('contacts.columns.reach')}</Table.Th>
          <Table.Th>{t('contacts.fields.languages')}</Table.Th>
          <Table.Th>{t('contacts.columns.state')}</Table.Th>
          <Table.Th>{t('contacts.columns.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contacts.map((c) => (
          <Table.Tr key={c.id} data-contact={c.id}>
            <Table.Td>
              <Stack gap={2}>
                <Text fw={500}>{c.mission}</Text>
                {c.city && <Text size="sm">{c.city}</Text>}
                {text.accredited(c) && <Text size="sm">{text.accredited(c)}</Text>}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text>{c.name}</Text>
              {c.title && <Text size="sm">{c.title}</Text>}
            </Table.Td>
            <Table.Td>
              <ContactReach contact={c} />
            </Table.Td>
            <Table.Td>{text.languages(c)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <ActiveBadge active={c.active} />
            </Table.Td>
            <Table.Td>
              <ContactActions contact={c} onAction={onAction} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
