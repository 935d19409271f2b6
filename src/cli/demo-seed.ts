import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import type { Role } from '../common/roles';
import { AppConfig } from '../config/app-config';
import type { DemoOptions } from '../config/demo-options';
import { Transactions } from '../database/transactions';
import type { CaseStatus } from '../people/workflow/case-workflow';
import { PasswordHasher } from '../users/password-hasher';
import { DEMO_PASSWORD, DEMO_USERS, pick } from './demo-data';
import { type CaseScript, type DemoActors, DemoStory } from './demo-story';

/**
 * The demo tells the story of the Kokang offensive: compounds in Laukkaing raided, a border handover
 * from the MNDAA to the Royal Thai Government, and the repatriation of 266 Thai, 6 Filipino and 1
 * Singaporean citizens departing on 2023-11-19 (API.md "Reports"), recorded through the real handover
 * route; then a few hundred other cases of many nationalities at every stage. All people are invented.
 * With `leaveLaukkaingDeparture` (DEMO_LEAVE_LAUKKAING_DEPARTURE=true, config/demo-options.ts) the story
 * stops just before that departure: its 273 people wait at `exit_cleared`, for the web app's handover
 * builder to record it. The default tells the whole story.
 */
const LAUKKAING = { THA: 266, PHL: 6, SGP: 1 } as const;
const REPATRIATION_DAY = '2023-11-19T03:30:00.000Z';
const OTHER_NATIONALITIES = ['CHN', 'VNM', 'IDN', 'IND', 'KEN', 'LKA', 'MMR', 'PHL', 'THA'];
/** Where other cases stand: every state a case can be in, the road home weighted as it is in life. */
const OTHER_TARGETS: (CaseStatus | 'departed' | 'received_home' | 'closed')[] = [
  'identified',
  'screening',
  'screening',
  'presumed_victim',
  'presumed_victim',
  'consular_notified',
  'consular_notified',
  'identity_verified',
  'documents_issued',
  'exit_cleared',
  'movement_scheduled',
  'departed',
  'received_home',
  'received_home',
  'closed',
  'not_victim',
  'withdrawn',
  'on_hold',
];
const MARKER = 'seed.demo';
/** Stages a case can reach without its embassy being notified. */
const EARLY: string[] = ['identified', 'screening', 'presumed_victim', 'not_victim', 'withdrawn', 'on_hold'];

/** Several cases at once (each its own transactions), in request order of the results. */
async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>, size = 6): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

/** Loads the demo once; answers how many people it loaded (0 when it was already there). */
export async function seedDemo(
  app: INestApplicationContext,
  options: Partial<DemoOptions> = {},
): Promise<number> {
  if (app.get(AppConfig).env === 'production')
    throw new Error('the demo data is synthetic: refused in production');
  const db = app.get(DataSource);
  if (
    ((await db.query('SELECT 1 FROM audit_entries WHERE action = $1 LIMIT 1', [MARKER])) as unknown[]).length
  ) {
    console.log('Demo data is already loaded; nothing to do.');
    return 0;
  }
  if (((await db.query('SELECT 1 FROM users WHERE email = $1', [DEMO_USERS[0].email])) as unknown[]).length) {
    throw new Error('an earlier demo load stopped half-way: start from an empty database (remove .data/pg)');
  }
  const started = Date.now();
  const story = new DemoStory(app, await demoUsers(app));
  await story.places();

  // Laukkaing: rescued in late October 2023, notified, verified, documented, cleared to leave.
  const laukkaing = await inBatches(
    Object.entries(LAUKKAING).flatMap(([nationality, count]) =>
      Array.from({ length: count }, (_, i): CaseScript => ({
        nationality,
        compound: i % 4 ? 'laukkaing' : 'laukkaingNorth',
        rescuedAt: `2023-10-${26 + (i % 5)}T10:00:00.000Z`,
        consentToNotify: true,
        target: 'exit_cleared',
      })),
    ),
    (script) => story.bring(script),
  );
  await story.handover('border_handover', '2023-11-15T08:00:00.000Z', laukkaing, {
    place: 'Chinshwehaw border gate (demo)',
    countryCode: 'MMR',
    fromParty: 'MNDAA',
    toParty: 'Royal Thai Government',
  });
  if (!options.leaveLaukkaingDeparture) {
    await story.handover('repatriation_departure', REPATRIATION_DAY, laukkaing, {
      place: 'Lashio airport (demo)',
      countryCode: 'MMR',
      fromParty: 'Myanmar authorities',
      toParty: 'Royal Thai Government',
    });
  }

  // Other cases, none departing on the repatriation day.
  const departing: string[] = [];
  const arriving: string[] = [];
  const overdue: string[] = [];
  const closing: string[] = [];
  for (let i = 0; i < 240; i++) {
    const target = pick(OTHER_TARGETS, i);
    const script: CaseScript = {
      nationality: pick(OTHER_NATIONALITIES, i * 5 + 1),
      compound: pick(['shweKokko', 'kkPark', 'sihanoukville', 'kkPark'], i),
      rescuedAt: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T08:00:00.000Z`,
      // Some decline consular notification: they stay off every embassy's list (and short of it).
      consentToNotify: i % 7 !== 0 || !EARLY.includes(target),
      target: ['departed', 'received_home', 'closed'].includes(target)
        ? 'exit_cleared'
        : (target as CaseStatus),
    };
    if (i % 50 === 3) script.target = 'protection_claim'; // a few claim asylum: no embassy may see them
    const id = await story.bring(script);
    const leaves = script.target === 'exit_cleared' && target !== 'exit_cleared';
    if (leaves) departing.push(id);
    if (script.target === 'exit_cleared' && (target === 'received_home' || target === 'closed'))
      arriving.push(id);
    if (script.target === 'exit_cleared' && target === 'closed') closing.push(id);
    if (i % 6 === 0 && ['presumed_victim', 'consular_notified', 'identity_verified'].includes(script.target))
      overdue.push(id);
  }
  const parties = {
    place: 'Mae Sot bridge (demo)',
    countryCode: 'THA',
    fromParty: 'Demo border police',
    toParty: 'Demo NGO shelter',
  };
  await story.handover('repatriation_departure', '2024-12-02T06:00:00.000Z', departing, parties);
  await story.handover('arrival_home', '2024-12-03T06:00:00.000Z', arriving, parties);
  for (const id of closing) await story.close(id, 'reintegrated');
  await story.age(overdue);

  await app
    .get(Transactions)
    .run((m) =>
      app
        .get(AuditService)
        .record(m, { actor: null, action: MARKER, details: { people: laukkaing.length + 240 } }),
    );
  console.log(
    `Loaded ${DEMO_USERS.length} demo users, ${laukkaing.length + 240} people and their events in ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s. Passwords: see README.`,
  );
  return laukkaing.length + 240;
}

/** The demo users (written directly: the users API has its own tests), as the principals who act. */
async function demoUsers(app: INestApplicationContext): Promise<DemoActors> {
  const hash = await app.get(PasswordHasher).hash(DEMO_PASSWORD);
  const principals: Record<string, Principal> = {};
  await app.get(Transactions).run(async (m) => {
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
      const principal = {
        id,
        email: u.email,
        displayName: u.displayName,
        role: u.role as Role,
        nationalities: u.nationalities,
        mustChangePassword: false,
        mfaEnabled: false,
        mfaEnrollmentRequired: false,
        sessionId: 'seed',
      };
      principals[u.role === 'consular' ? u.nationalities[0] : u.role] = principal;
    }
  });
  return principals as DemoActors;
}
