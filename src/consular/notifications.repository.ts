import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ForgetsPeople } from '../people/erasure-hooks';

/** The consular_notifications table: SQL about it lives here and nowhere else. */
@Injectable()
export class NotificationsRepository implements ForgetsPeople {
  /** Erasure: the notes and the travel-document number go; the dates stay for the timeliness figures. */
  async forgetPerson(m: EntityManager, personId: string): Promise<void> {
    await m.query(
      `UPDATE consular_notifications SET acknowledgement_note = NULL, identity_verification_note = NULL,
              travel_document_number_enc = NULL, travel_document_number_bidx = NULL
        WHERE person_id = $1`,
      [personId],
    );
  }
}
