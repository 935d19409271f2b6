import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ADVISORY_LOCKS } from '../src/database/transactions';
import { RetentionService } from '../src/people/retention/retention.service';
import { API, createTestApp, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, ERASED_PERSONAL_FIELDS, findEverywhere } from './support/people';

/**
 * Retention (README "Retention"): cases closed more than RETENTION_CLOSED_YEARS (7) ago are erased
 * with the same erasure as DELETE /people/:id, audited as the system's, one run at a time; then the
 * tables are vacuumed. Close dates are set in SQL: no case closes seven years ago through the API.
 */
const ROOT = join(__dirname, '..');
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const ago = (years: number, days = 0) => new Date(Date.now() - years * YEAR_MS - days * 86_400_000);

/** Letters only (names refuse digits), unique to one person: found nowhere once they are erased. */
const newTag = () =>
  randomUUID()
    .replace(/[^a-f]/g, '')
    .padEnd(10, 'x')
    .slice(0, 10);

interface Fixture {
  id: string;
  tag: string;
}

describe('Retention of closed cases', () => {
  let t: TestApp;
  let cw: SignedIn;
  let retention: RetentionService;

  /**
   * A person with every kind of personal value (fields, a consent note, a history note, an embassy's
   * notes), each holding `tag`, then put in `status` since `since`.
   */
  async function personWithEverything(status: 'closed' | 'screening', since: Date): Promise<Fixture> {
    const tag = newTag();
    const p = await createPerson(t, cw, {
      givenName: `Given${tag}`,
      familyName: `Family${tag}`,
      aliases: [`Alias${tag}`],
      dateOfBirth: '1990-05-01',
      languages: ['th'],
      rescuePlace: `Place${tag}`,
      vulnerabilities: ['pregnant'],
      documentNumber: `DOC${tag}`,
      narrative: `Narrative ${tag}`,
    });
    const consent = await t
      .http()
      .post(`${API}/people/${p.id}/consents`)
      .set(cw.auth)
      .send({ type: 'research', granted: true, note: `Consent ${tag}` });
    expect(consent.status).toBe(201);
    await t.db.query(
      `INSERT INTO person_history (person_id, kind, from_status, to_status, reason, note, actor_id)
       VALUES ($1, 'status_change', 'screening', $2, 'reintegrated', $3, $4)`,
      [p.id, status, `History ${tag}`, cw.id],
    );
    await t.db.query(
      `INSERT INTO consular_notifications (person_id, country_code, channel, notified_at, acknowledgement_note,
                                           identity_verification_note)
       VALUES ($1, 'THA', 'email', $2, $3, $4)`,
      [p.id, since, `Ack ${tag}`, `Verified ${tag}`],
    );
    await t.db.query(
      `UPDATE people SET status = $2, status_since = $3,
              closed_at = CASE WHEN $2 = 'closed' THEN $3::timestamptz END,
              closed_reason = CASE WHEN $2 = 'closed' THEN 'reintegrated' END
        WHERE id = $1`,
      [p.id, status, since],
    );
    return { id: p.id, tag };
  }

  const erasedAt = async (f: Fixture) =>
    (
      (await t.db.query('SELECT erased_at FROM people WHERE id = $1', [f.id])) as { erased_at: Date | null }[]
    )[0].erased_at;

  async function expectErased(f: Fixture): Promise<void> {
    const read = await t.http().get(`${API}/people/${f.id}`).set(cw.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      ...ERASED_PERSONAL_FIELDS,
      status: 'closed',
    });
    expect({ tag: f.tag, foundIn: await findEverywhere(t, f.tag) }).toEqual({ tag: f.tag, foundIn: [] });
    const [row] = await t.db.query(
      `SELECT document_number_enc, document_number_bidx, narrative_enc, name_key, age_band_at_erasure, sex,
              (SELECT array_agg(nationality_code::text) FROM person_nationalities WHERE person_id = p.id) AS nats
         FROM people p WHERE id = $1`,
      [f.id],
    );
    // Wiped: the ciphertexts (the tag search cannot see inside them). Kept: what the aggregates need.
    expect(row).toEqual({
      document_number_enc: null,
      document_number_bidx: null,
      narrative_enc: null,
      name_key: null,
      age_band_at_erasure: '35-44',
      sex: 'female',
      nats: ['THA'],
    });
  }

  async function expectKept(f: Fixture): Promise<void> {
    const read = await t.http().get(`${API}/people/${f.id}`).set(cw.auth);
    expect(read.body).toMatchObject({
      erased: false,
      givenName: `Given${f.tag}`,
      narrative: `Narrative ${f.tag}`,
    });
    expect(await findEverywhere(t, f.tag)).toEqual(
      expect.arrayContaining(['people.given_name', 'consents.note', 'person_history.note']),
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    retention = t.app.get(RetentionService);
    // Other specs on this worker's database may have left old closed cases: start from none due.
    await retention.apply();
  });
  afterAll(() => t.close());

  describe('a run of the job', () => {
    let oldest: Fixture;
    let justPast: Fixture;
    let recent: Fixture;
    let open: Fixture;
    let startedAt: Date;

    beforeAll(async () => {
      oldest = await personWithEverything('closed', ago(12));
      justPast = await personWithEverything('closed', ago(7, 3));
      recent = await personWithEverything('closed', ago(6, 300));
      open = await personWithEverything('screening', ago(10));
    });

    it('is skipped, erasing nothing, while another session holds the run (a second instance)', async () => {
      const other = t.db.createQueryRunner();
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.retention]);
        expect(await retention.apply()).toEqual({ ran: false, cutoff: expect.any(Date) });
        expect(await erasedAt(oldest)).toBeNull();
        expect(await erasedAt(justPast)).toBeNull();
      } finally {
        await other.query('SELECT pg_advisory_unlock_all()');
        await other.release();
      }
    });

    it('erases the cases closed over 7 years ago, and only those', async () => {
      startedAt = new Date((await t.db.query('SELECT now() AS now'))[0].now);
      const outcome = await retention.apply();
      expect(outcome).toMatchObject({ ran: true, erased: 2 });
      await expectErased(oldest);
      await expectErased(justPast);
      await expectKept(recent);
      await expectKept(open);
    });

    it('audits each erasure as a person.erase by the system, and leaves the chain valid', async () => {
      const entries = await t.db.query(
        `SELECT entity_id, actor_id, actor_role, details FROM audit_entries
          WHERE action = 'person.erase' AND entity_id = ANY($1) ORDER BY entity_id`,
        [[oldest.id, justPast.id, recent.id, open.id]],
      );
      expect(entries).toEqual(
        [oldest.id, justPast.id].sort().map((id) => ({
          entity_id: id,
          actor_id: null,
          actor_role: 'system',
          details: { reason: 'retention', closedBefore: expect.any(String) },
        })),
      );
      const admin = await loginAs(t, 'admin');
      const log = await t
        .http()
        .get(`${API}/audit?action=person.erase&entityId=${oldest.id}`)
        .set(admin.auth);
      expect(log.body.items).toEqual([
        expect.objectContaining({ actorId: null, actorRole: 'system', actor: null, entityId: oldest.id }),
      ]);
      const history = await t.http().get(`${API}/people/${oldest.id}/history`).set(cw.auth);
      expect(history.body.items[0]).toMatchObject({ kind: 'erased', actor: null });
      expect((await t.http().get(`${API}/audit/verify`).set(admin.auth)).body).toMatchObject({ valid: true });
    });

    it('vacuums every table the erasures wrote, after them', async () => {
      const stats = (await t.db.query(
        `SELECT relname, last_vacuum, last_analyze FROM pg_stat_user_tables
          WHERE relname = ANY($1) ORDER BY relname`,
        [['people', 'person_history', 'consents', 'consular_notifications', 'idempotency_keys']],
      )) as { relname: string; last_vacuum: Date | null; last_analyze: Date | null }[];
      expect(stats.map((s) => s.relname)).toHaveLength(5);
      for (const s of stats) {
        expect({ table: s.relname, vacuumed: s.last_vacuum !== null && s.last_vacuum >= startedAt }).toEqual({
          table: s.relname,
          vacuumed: true,
        });
        expect({
          table: s.relname,
          analysed: s.last_analyze !== null && s.last_analyze >= startedAt,
        }).toEqual({
          table: s.relname,
          analysed: true,
        });
      }
    });

    it('a second run finds nothing more to erase', async () => {
      expect(await retention.apply()).toMatchObject({ ran: true, erased: 0, vacuumed: [] });
      await expectKept(recent);
    });
  });

  describe('npm run retention:apply (the command, on the same database)', () => {
    /** The command's entry from its source (a build could race other specs' builds of dist/). */
    function command(args: string[]): Promise<{ code: number | null; output: string }> {
      return new Promise((resolve) => {
        const child = spawn(
          process.execPath,
          ['-r', 'ts-node/register/transpile-only', 'src/cli/apply-retention.ts', ...args],
          { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      });
    }

    it('--dry-run prints how many are due and erases nothing; without it, erases them', async () => {
      const due = await personWithEverything('closed', ago(9));
      const notDue = await personWithEverything('closed', ago(1));

      const dry = await command(['--dry-run']);
      expect({ code: dry.code, output: dry.output }).toEqual({
        code: 0,
        output: expect.stringMatching(/dry run: 1 closed case\(s\) closed before \d{4}-/),
      });
      expect(await erasedAt(due)).toBeNull();

      const real = await command([]);
      expect({ code: real.code, output: real.output }).toEqual({
        code: 0,
        output: expect.stringMatching(/erased 1 closed case\(s\)[\s\S]*vacuumed: people/),
      });
      await expectErased(due);
      await expectKept(notDue);
      const [entry] = await t.db.query(
        `SELECT actor_role, details->>'reason' AS reason FROM audit_entries
          WHERE action = 'person.erase' AND entity_id = $1`,
        [due.id],
      );
      expect(entry).toEqual({ actor_role: 'system', reason: 'retention' });
    }, 240_000);
  });
});
