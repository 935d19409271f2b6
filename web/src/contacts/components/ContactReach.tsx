import { Anchor, Stack } from '@mantine/core';
import type { Contact } from '../hooks/useContacts';
import { telHref } from './contactList';

/** Phone and email as links a phone dials and a mail program opens; long addresses wrap. */
export function ContactReach({ contact }: { contact: Contact }) {
  if (!contact.phone && !contact.email) return <span aria-hidden="true">—</span>;
  return (
    <Stack gap={2}>
      {contact.phone && (
        <Anchor href={telHref(contact.phone)} style={{ whiteSpace: 'nowrap' }}>
          {contact.phone}
        </Anchor>
      )}
      {contact.email && (
        <Anchor href={`mailto:${contact.email}`} style={{ overflowWrap: 'anywhere' }}>
          {contact.email}
        </Anchor>
      )}
    </Stack>
  );
}
