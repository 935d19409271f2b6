import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { FieldEncryption } from '../common/crypto/field-encryption.service';
import { nameKey } from '../people/duplicates/name-key';
import { PasswordHasher } from '../users/password-hasher';
import { withAppContext } from './app-context';
import { DEMO_COMPOUNDS, DEMO_PASSWORD, DEMO_USERS, demoName, pick } from './demo-data';

/** The Laukkaing repatriation of the contract (API.md "Reports"): 266 THA, 6 PHL, 1 SGP on 2023-11-19. */
const LAUKKAING = { THA: 266, PHL: 6, SGP: 1 } as const;
const DEPARTED_AT = '2023-11-19T03:30:00Z';

async function seed(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const existing = (await dataSource.query('SELECT 1 FROM users WHERE email = $1', [
    DEMO_USERS[0].email,
  ])) as unknown[];
  if (existing.length) {
    console.log('Demo data is already loaded; nothing to do.');
    return;
  }
  const hash = await app.get(PasswordHasher).hash(DEMO_PASSWORD);
  const encryption = app.get(FieldEncryption);

  await dataSource.transaction(async (m) => {
    const users: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const [{ id }] = (await m.query(
        'INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id',
        [u.email, u.displayName, hash, u.role],
      )) as { id: string }[];
      for (const code of u.nationalities) {
        await m.query('INSERT INTO user_nationalities (user_id, nationality_code) VALUES ($1, $2)', [
          id,
          code,
        ]);
      }
      users[u.role] = id;
    }

    const compounds: Record<string, string> = {};
    for (const c of DEMO_COMPOUNDS) {
      const [{ id }] = (await m.query(
        `INSERT INTO compounds (name, aliases, country_code, region, town, latitude, longitude, controlled_by, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          c.name,
          c.aliases,
          c.countryCode,
          c.region,
          c.town,
          c.latitude,
          c.longitude,
          c.controlledBy,
          c.status,
        ],
      )) as { id: string }[];
      compounds[c.key] = id;
    }

    const caseworker = users.caseworker;
    let n = 0;
    const laukkaingPeople: string[] = [];
    for (const [nationality, count] of Object.entries(LAUKKAING)) {
      for (let i = 0; i < count; i++, n++) {
        laukkaingPeople.push(
          await insertPerson(m, encryption, n, nationality, caseworker, {
            compoundId: compounds.laukkaing,
            rescuedAt: `2023-10-${String(26 + (n % 5)).padStart(2, '0')}T10:00:00Z`,
            status: 'departed',
            departedAt: DEPARTED_AT,
          }),
        );
      }
    }
    const [{ id: handoverId }] = (await m.query(
      `INSERT INTO handover_events (type, occurred_at, place, country_code, from_party, to_party, notes, created_by)
       VALUES ('repatriation_departure', $1, 'Mae Sai border crossing (demo)', 'THA', 'Demo armed group',
               'Demo receiving government', 'Synthetic demo event', $2) RETURNING id`,
      [DEPARTED_AT, caseworker],
    )) as { id: string }[];
    await m.query(
      `INSERT INTO handover_people (handover_id, person_id, outcome) SELECT $1, unnest($2::uuid[]), 'handed_over'`,
      [handoverId, laukkaingPeople],
    );

    // Other cases at every stage, none departing on 2023-11-19.
    const stages = [
      'identified',
      'screening',
      'presumed_victim',
      'consular_notified',
      'identity_verified',
      'received_home',
    ];
    for (let i = 0; i < 120; i++, n++) {
      const nationality = pick(['THA', 'PHL', 'VNM', 'CHN', 'IDN', 'THA'], i);
      const status = pick(stages, i * 3);
      await insertPerson(m, encryption, n, nationality, caseworker, {
        compoundId: pick([compounds.myawaddy, compounds.sihanoukville, null], i),
        rescuedAt: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T08:00:00Z`,
        status,
        departedAt:
          status === 'received_home' ? `2024-12-${String(1 + (i % 27)).padStart(2, '0')}T06:00:00Z` : null,
      });
    }
    await m.query(`INSERT INTO case_number_counters (year, last_value) VALUES (2023, $1)`, [n]);
    await app.get(AuditService).record(m, { actor: null, action: 'seed.demo', details: { people: n } });
    console.log(
      `Loaded ${DEMO_USERS.length} demo users, ${DEMO_COMPOUNDS.length} compounds and ${n} people.`,
    );
  });
}

async function insertPerson(
  m: EntityManager,
  encryption: FieldEncryption,
  n: number,
  nationality: string,
  createdBy: string,
  o: { compoundId: string | null; rescuedAt: string; status: string; departedAt: string | null },
): Promise<string> {
  const id = randomUUID();
  const name = demoName(nationality, n);
  const sex = pick(['female', 'male', 'male', 'female', 'unknown'], n);
  await m.query(
    `INSERT INTO people (id, case_number, given_name, family_name, sex, estimated_age, compound_id, recruited_via,
                         rescued_at, status, departed_at, narrative_enc, name_key, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      `2023-${String(n + 1).padStart(6, '0')}`,
      name.givenName,
      name.familyName,
      sex,
      17 + (n % 40),
      o.compoundId,
      pick(['facebook', 'telegram', 'job_site', 'person', 'wechat'], n),
      o.rescuedAt,
      o.status,
      o.departedAt,
      encryption.seal('people.narrative', id, 'Synthetic demo narrative.'),
      nameKey(name),
      createdBy,
    ],
  );
  await m.query(
    `INSERT INTO person_nationalities (person_id, nationality_code, verified, person_created_at)
     SELECT $1, $2, true, created_at FROM people WHERE id = $1`,
    [id, nationality],
  );
  await m.query(
    `INSERT INTO consents (person_id, type, granted, recorded_by) VALUES ($1, 'consular_notification', true, $2)`,
    [id, createdBy],
  );
  return id;
}

withAppContext(seed).catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});
