import { describe, expect, it } from 'vitest';
import { contactView } from '../testing';
import {
  changedFields,
  createBody,
  draftOf,
  EMPTY_DRAFT,
  rebase,
  updateBody,
  validateContact,
} from './contactForm';
import { groupByCountry, telHref } from './contactList';

const filled = { ...EMPTY_DRAFT, countryCode: 'PHL', mission: 'Embassy', name: 'Maria Santos' };

describe('the contact form rules', () => {
  it('asks for a country, a mission and a name before a new contact is sent', () => {
    expect(validateContact(EMPTY_DRAFT, true)).toEqual({
      countryCode: 'countryRequired',
      mission: 'missionRequired',
      name: 'nameRequired',
    });
    expect(validateContact({ ...filled, countryCode: '' }, false)).toEqual({});
  });

  it('checks phone, email, languages and lengths as the API does', () => {
    const errors = validateContact(
      {
        ...filled,
        phone: 'call the desk',
        email: 'consul@',
        languages: ['en', 'English'],
        city: 'x'.repeat(201),
      },
      true,
    );
    expect(errors).toEqual({
      phone: 'phoneInvalid',
      email: 'emailInvalid',
      languages: 'languageInvalid',
      city: 'tooLong',
    });
    expect(
      validateContact({ ...filled, phone: '+66 (2) 123-4567 ext. 12', languages: ['fil', 'zh-Hant'] }, true),
    ).toEqual({});
    expect(
      validateContact(
        { ...filled, languages: Array.from({ length: 21 }, (_, i) => `l${'abcdefghijklmnopqrstu'[i]}`) },
        true,
      ),
    ).toEqual({
      languages: 'tooManyLanguages',
    });
  });

  it('sends a new contact trimmed, without the empty optional fields', () => {
    expect(
      createBody({
        ...filled,
        mission: ' Embassy ',
        city: '  ',
        phone: ' +95 1 558 149 ',
        accreditedFrom: 'THA',
      }),
    ).toEqual({
      countryCode: 'PHL',
      mission: 'Embassy',
      name: 'Maria Santos',
      phone: '+95 1 558 149',
      languages: [],
      active: true,
      accreditedFrom: 'THA',
    });
  });

  it('sends only what an edit changed, an emptied field as null', () => {
    const initial = draftOf(contactView());
    expect(updateBody(initial, { ...initial })).toEqual({});
    expect(updateBody(initial, { ...initial, mission: 'Embassy ' + initial.mission.slice(10) })).toEqual({
      mission: 'Embassy ' + initial.mission.slice(10),
    });
    expect(
      updateBody(initial, {
        ...initial,
        city: '',
        title: 'Vice Consul',
        languages: ['fil'],
        accreditedFrom: 'THA',
        active: false,
      }),
    ).toEqual({ city: null, title: 'Vice Consul', languages: ['fil'], accreditedFrom: 'THA', active: false });
    // Spaces typed around a value are no change.
    expect(changedFields(initial, { ...initial, name: ' Maria Santos ' })).toEqual([]);
  });

  it('after someone else saved, keeps their version and puts this form’s changes on top', () => {
    const initial = draftOf(contactView());
    const mine = { ...initial, phone: '+95 1 000 000' };
    const theirs = contactView({ title: 'Consul General', version: 4 });
    expect(rebase(initial, mine, theirs)).toEqual({ ...draftOf(theirs), phone: '+95 1 000 000' });
  });
});

describe('the contact list', () => {
  it('dials the digits of a phone number, with its extension', () => {
    expect(telHref('+66 (2) 123-4567')).toBe('tel:+6621234567');
    expect(telHref('+66 2 123 4567 ext. 12')).toBe('tel:+6621234567;ext=12');
  });

  it('groups the contacts of the chosen state by country name, then mission and name', () => {
    const names: Record<string, string> = { PHL: 'Philippines', THA: 'Thailand', SGP: 'Singapore' };
    const contacts = [
      contactView({ id: 'a', countryCode: 'THA', mission: 'Royal Thai Embassy' }),
      contactView({ id: 'b', countryCode: 'PHL', mission: 'Embassy B', name: 'Zed' }),
      contactView({ id: 'c', countryCode: 'PHL', mission: 'Embassy B', name: 'Ana' }),
      contactView({ id: 'd', countryCode: 'SGP', active: false }),
    ];
    const groups = (state: 'active' | 'inactive' | 'all') =>
      groupByCountry(contacts, state, (c) => names[c], new Intl.Collator('en')).map((g) => [
        g.countryCode,
        g.contacts.map((c) => c.id),
      ]);
    expect(groups('active')).toEqual([
      ['PHL', ['c', 'b']],
      ['THA', ['a']],
    ]);
    expect(groups('inactive')).toEqual([['SGP', ['d']]]);
    expect(groups('all').map(([code]) => code)).toEqual(['PHL', 'SGP', 'THA']);
  });
});
