import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { type Contact, fetchContact, useUpdateContact } from '../hooks/useContacts';
import { ContactForm } from './ContactForm';
import { draftOf, rebase, updateBody } from './contactForm';

interface Props {
  contact: Contact;
  onCancel: () => void;
  onDone: (contact: Contact) => void;
}

/**
 * Edit a contact: only the fields changed are sent, with If-Match of the version the form was filled
 * from. When someone else saved meanwhile (412), the contact is read again and the form shows their
 * version with this form's changes on top, and says so; the next save goes on their version.
 */
export function EditContact({ contact, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const update = useUpdateContact();
  const [base, setBase] = useState({ draft: draftOf(contact), version: contact.version });
  const [draft, setDraft] = useState(base.draft);
  const [note, setNote] = useState<'rebased' | 'unchanged' | undefined>();

  const save = () => {
    const changes = updateBody(base.draft, draft);
    if (Object.keys(changes).length === 0) return setNote('unchanged');
    setNote(undefined);
    update.mutate(
      { id: contact.id, version: base.version, changes },
      {
        onSuccess: onDone,
        onError: async (error) => {
          if (!(error instanceof ApiError && error.status === 412)) return;
          const stored = await fetchContact(contact.id).catch(() => undefined);
          if (!stored) return;
          setDraft(rebase(base.draft, draft, stored));
          setBase({ draft: draftOf(stored), version: stored.version });
          update.reset();
          setNote('rebased');
        },
      },
    );
  };

  return (
    <ContactForm
      draft={draft}
      onChange={setDraft}
      creating={false}
      busy={update.isPending}
      error={update.error}
      submitLabel={t('contacts.edit.submit')}
      onCancel={onCancel}
      onSubmit={save}
      notice={
        note && (
          <Alert
            color={note === 'rebased' ? 'yellow' : 'blue'}
            variant="outline"
            role="status"
            data-testid={`edit-${note}`}
          >
            {t(`contacts.edit.${note}`)}
          </Alert>
        )
      }
    />
  );
}
