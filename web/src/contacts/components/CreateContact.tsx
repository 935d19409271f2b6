import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Contact, useCreateContact } from '../hooks/useContacts';
import { ContactForm } from './ContactForm';
import { createBody, EMPTY_DRAFT } from './contactForm';

interface Props {
  /** The country the page is filtered on, if any: a new contact is most likely for it. */
  countryCode?: string;
  onCancel: () => void;
  onDone: (contact: Contact) => void;
}

/** "Add a contact": POST /consular/contacts; the API's refusals show under their fields. */
export function CreateContact({ countryCode, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const create = useCreateContact();
  const [draft, setDraft] = useState({ ...EMPTY_DRAFT, countryCode: countryCode ?? '' });
  return (
    <ContactForm
      draft={draft}
      onChange={setDraft}
      creating
      busy={create.isPending}
      error={create.error}
      submitLabel={t('contacts.create.submit')}
      onCancel={onCancel}
      onSubmit={() => create.mutate(createBody(draft), { onSuccess: onDone })}
    />
  );
}
