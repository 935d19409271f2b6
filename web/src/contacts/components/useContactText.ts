import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useLanguageName } from '../../i18n/languageNames';
import type { Contact } from '../hooks/useContacts';

/** The words shown for a contact's codes: languages by name, the mission's place, where it sits. */
export function useContactText() {
  const { t } = useTranslation();
  const country = useCountryName();
  const language = useLanguageName();
  return {
    languages: (c: Contact) => c.languages.map(language).join(', '),
    accredited: (c: Contact) =>
      c.accreditedFrom ? t('contacts.accreditedFrom', { country: country(c.accreditedFrom) }) : undefined,
  };
}
