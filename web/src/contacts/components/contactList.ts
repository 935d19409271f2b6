import type { Contact, ContactState } from '../hooks/useContacts';

/** A `tel:` address a phone can dial: the digits and a leading +, an extension as `;ext=`. */
export function telHref(phone: string): string {
  const match = /^(.*?)(?:\s*(?:ext\.?|x)\s*([0-9]+))?$/i.exec(phone.trim());
  const main = (match?.[1] ?? phone).replace(/[^0-9+]/g, '');
  return `tel:${main}${match?.[2] ? `;ext=${match[2]}` : ''}`;
}

export interface CountryGroup {
  countryCode: string;
  contacts: Contact[];
}

/**
 * The contacts in the chosen state, by country (countries by name in the reader's language), and in
 * each country by mission and name, so the officers of one mission stand together.
 */
export function groupByCountry(
  contacts: Contact[],
  state: ContactState,
  countryName: (code: string) => string,
  collator: Intl.Collator,
): CountryGroup[] {
  const shown = contacts.filter((c) => state === 'all' || c.active === (state === 'active'));
  const groups = new Map<string, Contact[]>();
  for (const c of shown) groups.set(c.countryCode, [...(groups.get(c.countryCode) ?? []), c]);
  return [...groups]
    .map(([countryCode, list]) => ({
      countryCode,
      contacts: list.sort(
        (a, b) => collator.compare(a.mission, b.mission) || collator.compare(a.name, b.name),
      ),
    }))
    .sort((a, b) => collator.compare(countryName(a.countryCode), countryName(b.countryCode)));
}
