import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ContactsRepository } from './contacts.repository';

/** What other features may ask about consular contacts (handovers name the contact present). */
@Injectable()
export class ContactLookup {
  constructor(private readonly contacts: ContactsRepository) {}

  /** The country a contact represents, or undefined when no such contact exists. */
  async countryOf(m: EntityManager, contactId: string): Promise<string | undefined> {
    return (await this.contacts.find(m, contactId))?.country_code;
  }
}
