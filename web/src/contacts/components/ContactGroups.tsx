import { Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import type { Contact, ContactState } from '../hooks/useContacts';
import { ContactCard } from './ContactCard';
import type { ContactAction } from './ContactDialog';
import { groupByCountry } from './contactList';
import { ContactsTable } from './ContactsTable';

interface Props {
  contacts: Contact[];
  state: ContactState;
  onAction: (action: ContactAction, contact: Contact) => void;
}

/** The contacts by country, a heading each: a table on a wide screen, cards on a phone. */
export function ContactGroups({ contacts, state, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  // Read at the first render, as the case list does: no table drawn first and replaced on a phone.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const language = i18n.language;
  const groups = useMemo(
    () => groupByCountry(contacts, state, country, new Intl.Collator(language)),
    // `country` follows the language, which is in the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [contacts, state, language],
  );
  if (groups.length === 0) return <Text>{t(`contacts.empty.${state}`)}</Text>;
  return (
    <Stack gap="lg">
      {groups.map((g) => (
        <section key={g.countryCode} data-country={g.countryCode}>
          <Title order={2} size="h4" mb="xs" id={`contacts-${g.countryCode}`}>
            {country(g.countryCode)}
          </Title>
          {wide ? (
            <ContactsTable
              labelledBy={`contacts-${g.countryCode}`}
              contacts={g.contacts}
              onAction={onAction}
            />
          ) : (
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-labelledby={`contacts-${g.countryCode}`}
            >
              {g.contacts.map((c) => (
                <ContactCard key={c.id} contact={c} onAction={onAction} />
              ))}
            </Stack>
          )}
        </section>
      ))}
    </Stack>
  );
}
