import countries from 'i18n-iso-countries';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ISO 3166-1 countries from the maintained `i18n-iso-countries` data, plus ICAO Doc 9303's
 * `XXA` (stateless) and `XXX` (unspecified nationality), which have no alpha-2 code.
 */
export class SeedNationalities1764050000001 implements MigrationInterface {
  name = 'SeedNationalities1764050000001';

  public async up(q: QueryRunner): Promise<void> {
    const rows = Object.keys(countries.getAlpha3Codes()).map((code) => ({
      code,
      alpha2: countries.alpha3ToAlpha2(code) ?? null,
      name: countries.getName(code, 'en', { select: 'official' }) ?? code,
    }));
    rows.push({ code: 'XXA', alpha2: null, name: 'Stateless' });
    rows.push({ code: 'XXX', alpha2: null, name: 'Unspecified nationality' });
    await q.query(
      `INSERT INTO nationalities (code, alpha2, name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [rows.map((r) => r.code), rows.map((r) => r.alpha2), rows.map((r) => r.name)],
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM nationalities`);
  }
}
