import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Keyset } from '../common/pagination';
import type { ContactView } from './dto/contact.view';

export interface ContactRow {
  id: string;
  country_code: string;
  mission: string;
  city: string | null;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  languages: string[];
  active: boolean;
  accredited_from: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Columns a caller may write (never id, version or the timestamps). */
export type ContactColumns = Partial<
  Pick<
    ContactRow,
    | 'country_code'
    | 'mission'
    | 'city'
    | 'name'
    | 'title'
    | 'phone'
    | 'email'
    | 'languages'
    | 'active'
    | 'accredited_from'
  >
>;

const COLUMNS = `id, country_code, mission, city, name, title, phone, email, languages, active, accredited_from,
  version, created_at, updated_at`;

export function toContactView(row: ContactRow): ContactView {
  return {
    id: row.id,
    countryCode: row.country_code,
    mission: row.mission,
    city: row.city,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    languages: row.languages,
    active: row.active,
    accreditedFrom: row.accredited_from,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The consular_contacts table: SQL about it lives here and nowhere else. */
@Injectable()
export class ContactsRepository {
  async insert(m: EntityManager, columns: ContactColumns): Promise<ContactRow> {
    const names = Object.keys(columns);
    const [row] = (await m.query(
      `INSERT INTO consular_contacts (${names.join(', ')})
       VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${COLUMNS}`,
      Object.values(columns),
    )) as ContactRow[];
    return row;
  }

  async find(m: EntityManager, id: string): Promise<ContactRow | undefined> {
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM consular_contacts WHERE id = $1`, [
      id,
    ])) as ContactRow[];
    return row;
  }

  /**
   * Newest first, keyset-paged on (created_at, id). `countries` limits the page to contacts of those
   * countries (an embassy's own); `undefined` means every country.
   */
  async page(
    m: EntityManager,
    countries: string[] | undefined,
    limit: number,
    after: Keyset | undefined,
  ): Promise<ContactRow[]> {
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    if (countries) {
      params.push(countries);
      where.push(`country_code = ANY($${params.length}::text[])`);
    }
    if (after) {
      params.push(after.at, after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    return (await m.query(
      `SELECT ${COLUMNS} FROM consular_contacts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    )) as ContactRow[];
  }

  /** Optimistic write: the new row, or undefined when the version moved on since the caller read it. */
  async update(
    m: EntityManager,
    id: string,
    version: number,
    columns: ContactColumns,
  ): Promise<ContactRow | undefined> {
    const names = Object.keys(columns);
    const [rows] = (await m.query(
      `UPDATE consular_contacts
          SET ${names.map((n, i) => `${n} = $${i + 3}, `).join('')}version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
      [id, version, ...Object.values(columns)],
    )) as [ContactRow[], number];
    return rows[0];
  }
}
