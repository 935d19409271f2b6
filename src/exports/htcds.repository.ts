import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { allowStatementTime, allowWorkMemory } from '../database/transactions';
import type { Group } from './k-anonymity';
import type { CaseTraits } from './htcds-columns';

/**
 * A year's cases grouped at a million people take seconds, past the requests' DATABASE_TIMEOUT_MS;
 * an export is rare and run by an admin, who would rather wait than retry it (API.md "Faults").
 */
const EXPORT_BUDGET_MS = 60_000;

/**
 * Exports read across features' tables like reports do, and like them only count: one row per
 * combination of traits, never a person.
 */
@Injectable()
export class HtcdsRepository {
  async traits(m: EntityManager, from: string, to: string): Promise<Group<CaseTraits>[]> {
    // The grouping of a year's cases (400,000 at a million people) in memory, not spilled to disk.
    await allowWorkMemory(m, 64);
    await allowStatementTime(m, EXPORT_BUDGET_MS);
    const rows = (await m.query(
      `SELECT first.nationality_code AS citizenship, p.sex,
              CASE WHEN p.trafficked_at IS NULL THEN 'unknown'
                   ELSE sr_age_band(p.date_of_birth, p.estimated_age, p.created_at, p.trafficked_at, p.age_band_at_erasure)
              END AS age_band,
              p.recruited_via, c.country_code AS exploitation_country, p.status, p.closed_reason,
              date_part('year', p.created_at AT TIME ZONE 'UTC')::int AS year, count(*)::int AS count
         FROM people p
         LEFT JOIN compounds c ON c.id = p.compound_id
         -- One citizenship per case: a dual national's rows would otherwise be too rare to release.
         LEFT JOIN LATERAL (SELECT pn.nationality_code::text FROM person_nationalities pn
                             WHERE pn.person_id = p.id ORDER BY pn.verified DESC, pn.nationality_code LIMIT 1) first ON TRUE
        WHERE p.created_at >= $1::date AND p.created_at < $2::date + 1
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
      [from, to],
    )) as (CaseTraits & { count: number })[];
    return rows.map(({ count, ...record }) => ({ record, count }));
  }
}
