import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../hooks/useContacts';
import { ActiveStateConfirm } from './ActiveStateConfirm';
import { CreateContact } from './CreateContact';
import { EditContact } from './EditContact';

export type ContactAction = 'edit' | 'state';
export type Dialog = { action: 'create' } | { action: ContactAction; id: string };

interface Props {
  dialog: Dialog | undefined;
  /** The contact the dialog is about, as the page's list holds it now (fresh after a reload). */
  contact: Contact | undefined;
  /** The country the page is filtered on, offered to a new contact. */
  countryCode?: string;
  onClose: () => void;
  /** What was done, in plain words, for the page to say once the dialog closes. */
  onDone: (message: string) => void;
}

/** Add, edit, or set active or not: one dialog at a time, each its own call. */
export function ContactDialog({ dialog, contact, countryCode, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const done = (key: string) => (c: Contact) => (
    onClose(),
    onDone(t(key, { name: c.name, mission: c.mission }))
  );
  const stateAction = contact?.active ? 'deactivate' : 'activate';
  const title = !dialog
    ? ''
    : dialog.action === 'create'
      ? t('contacts.create.title')
      : dialog.action === 'edit'
        ? t('contacts.edit.title')
        : t(`contacts.${stateAction}.title`);

  function body() {
    if (!dialog) return null;
    if (dialog.action === 'create')
      return (
        <CreateContact countryCode={countryCode} onCancel={onClose} onDone={done('contacts.create.done')} />
      );
    if (!contact) return null;
    if (dialog.action === 'edit')
      return (
        <EditContact
          key={contact.id}
          contact={contact}
          onCancel={onClose}
          onDone={done('contacts.edit.done')}
        />
      );
    return (
      <ActiveStateConfirm
        contact={contact}
        onCancel={onClose}
        onDone={(c) => done(c.active ? 'contacts.activate.done' : 'contacts.deactivate.done')(c)}
      />
    );
  }

  return (
    <Modal
      opened={dialog !== undefined}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {body()}
    </Modal>
  );
}
