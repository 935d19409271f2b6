import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Keyset } from '../common/pagination';
import type { ForgetsPeople } from '../people/erasure-hooks';
import type { Channel, TravelDocumentType } from './dto/consular-fields';

export interface NotificationRow {
  id: string;
  person_id: string;
  country_code: string;
  contact_id: string | null;
  channel: Channel;
  notified_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
  identity_verified_at: Date | null;
  identity_verified_by: string | null;
  identity_verification_note: string | null;
  travel_document_type: TravelDocumentType | null;
  travel_document_number_enc: string | null;
  /** 'YYYY-MM-DD' text, not a Date at local midnight. */
  travel_document_expires_at: string | null;
  travel_document_issued_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

export interface NewNotification {
  id: string;
  personId: string;
  countryCode: string;
  contactId: string | null;
  channel: Channel;
  notifiedAt: string;
  createdBy: string;
}

export interface TravelDocumentColumns {
  type: TravelDocumentType;
  numberEnc: string;
  numberBidx: string | null;
  expiresAt: string;
}

const COLUMNS = `n.id, n.person_id, n.country_code, n.contact_id, n.channel, n.notified_at, n.acknowledged_at,
  n.acknowledged_by, n.acknowledgement_note, n.identity_verified_at, n.identity_verified_by,
  n.identity_verification_note, n.travel_document_type, n.travel_document_number_enc,
  to_char(n.travel_document_expires_at, 'YYYY-MM-DD') AS travel_document_expires_at,
  n.travel_document_issued_at, n.created_by, n.created_at`;

// "Latest" is by when the embassy was told: one recorded late for an earlier time is the older one.
const LATEST_FIRST = 'n.notified_at DESC, n.id DESC';

/** The consular_notifications table: SQL about it lives here and nowhere else. */
@Injectable()
export class NotificationsRepository implements ForgetsPeople {
  async insert(m: EntityManager, n: NewNotification): Promise<NotificationRow> {
    await m.query(
      `INSERT INTO consular_notifications (id, person_id, country_code, contact_id, channel, notified_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [n.id, n.personId, n.countryCode, n.contactId, n.channel, n.notifiedAt, n.createdBy],
    );
    return (await this.find(m, n.id))!;
  }

  async find(m: EntityManager, id: string): Promise<NotificationRow | undefined> {
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM consular_notifications n WHERE n.id = $1`, [
      id,
    ])) as NotificationRow[];
    return row;
  }

  /** A person's notifications, newest first, keyset-paged on (notified_at, id). */
  async pageForPerson(
    m: EntityManager,
    personId: string,
    limit: number,
    after: Keyset | undefined,
  ): Promise<NotificationRow[]> {
    return (await m.query(
      `SELECT ${COLUMNS} FROM consular_notifications n
        WHERE n.person_id = $1 ${after ? 'AND (n.notified_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY ${LATEST_FIRST} LIMIT $2`,
      after ? [personId, limit + 1, after.at, after.id] : [personId, limit + 1],
    )) as NotificationRow[];
  }

  /** For each person, the latest notification to one of `countries` (one statement for a whole page). */
  async latestTo(
    m: EntityManager,
    personIds: string[],
    countries: string[],
  ): Promise<Map<string, NotificationRow>> {
    if (!personIds.length) return new Map();
    const rows = (await m.query(
      `SELECT DISTINCT ON (n.person_id) ${COLUMNS} FROM consular_notifications n
        WHERE n.person_id = ANY($1::uuid[]) AND n.country_code = ANY($2::text[])
        ORDER BY n.person_id, ${LATEST_FIRST}`,
      [personIds, countries],
    )) as NotificationRow[];
    return new Map(rows.map((r) => [r.person_id, r]));
  }

  /** The notification an embassy's action belongs to, locked for the rest of the transaction. */
  async latestToForUpdate(
    m: EntityManager,
    personId: string,
    countries: string[],
  ): Promise<NotificationRow | undefined> {
    const [row] = (await m.query(
      `SELECT ${COLUMNS} FROM consular_notifications n
        WHERE n.person_id = $1 AND n.country_code = ANY($2::text[])
        ORDER BY ${LATEST_FIRST} LIMIT 1 FOR UPDATE`,
      [personId, countries],
    )) as NotificationRow[];
    return row;
  }

  /**
   * The first acknowledgement's time and officer stay (they answer "when did the embassy respond");
   * a later one may add a note.
   */
  async acknowledge(m: EntityManager, id: string, by: string, note: string | undefined): Promise<void> {
    await m.query(
      `UPDATE consular_notifications
          SET acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $2),
              acknowledgement_note = coalesce($3, acknowledgement_note)
        WHERE id = $1`,
      [id, by, note ?? null],
    );
  }

  async verifyIdentity(m: EntityManager, id: string, by: string, note: string | undefined): Promise<void> {
    await m.query(
      `UPDATE consular_notifications
          SET identity_verified_at = now(), identity_verified_by = $2, identity_verification_note = $3
        WHERE id = $1`,
      [id, by, note ?? null],
    );
  }

  async recordTravelDocument(m: EntityManager, id: string, doc: TravelDocumentColumns): Promise<void> {
    await m.query(
      `UPDATE consular_notifications
          SET travel_document_type = $2, travel_document_number_enc = $3, travel_document_number_bidx = $4,
              travel_document_expires_at = $5, travel_document_issued_at = now()
        WHERE id = $1`,
      [id, doc.type, doc.numberEnc, doc.numberBidx, doc.expiresAt],
    );
  }

  readonly tablesHoldingPeople = ['consular_notifications'] as const;

  /** Erasure: the notes and the travel-document numbers go; the dates stay for the timeliness figures. */
  async forgetPeople(m: EntityManager, personIds: string[]): Promise<void> {
    await m.query(
      `UPDATE consular_notifications SET acknowledgement_note = NULL, identity_verification_note = NULL,
              travel_document_number_enc = NULL, travel_document_number_bidx = NULL
        WHERE person_id = ANY($1::uuid[])`,
      [personIds],
    );
  }
}
