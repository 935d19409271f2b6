import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What other features may ask about consular contacts (handovers name the contact present). */
@Injectable()
export class ContactLookup {
  /** The country a contact represents, or undefined when no such contact exists. */
  async countryOf(m: EntityManager, contactId: string): Promise<string | undefined> {
    const [row] = (await m.query('SELECT country_code FROM consular_contacts WHERE id = $1', [
      contactId,
    ])) as {
      country_code: string;
    }[];
    return row?.country_code;
  }
}
