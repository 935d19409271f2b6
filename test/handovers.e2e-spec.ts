import { randomUUID } from 'node:crypto';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, forceStatus, insertPeople } from './support/people';

/** Recording handover events: atomic, all-or-nothing, many people at once, and safe to retry. */
describe('Handovers: recording an event', () => {
  let t: TestApp;
  let cw: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
  });
  afterAll(() => t.close());

  const OCCURRED_AT = '2023-11-19T06:30:00.000Z';

  const body = (
    people: (string | { personId: string; outcome?: string })[],
    overrides: Record<string, unknown> = {},
  ) => ({
    type: 'repatriation_departure',
    occurredAt: OCCURRED_AT,
    place: 'Laukkaing – Chinshwehaw border gate',
    countryCode: 'MMR',
    fromParty: 'MNDAA',
    toParty: 'Royal Thai Government',
    notes: 'Buses left at dawn',
    people: people.map((p) => (typeof p === 'string' ? { personId: p } : p)),
    ...overrides,
  });

  const post = (payload: unknown, opts: { key?: string; dryRun?: string; user?: SignedIn } = {}) => {
    const query = opts.dryRun === undefined ? '' : `?dryRun=${opts.dryRun}`;
    const req = t
      .http()
      .post(`${API}/handovers${query}`)
      .set((opts.user ?? cw).auth);
    if (opts.key !== undefined) req.set('Idempotency-Key', opts.key);
    return req.send(payload as object);
  };

  const fixtures = (count: number, status = 'exit_cleared', nationalities = ['THA']) =>
    insertPeople(t, count, { status, nationalities, createdBy: cw.id });

  /** What a request must leave untouched when it is refused or only checked. */
  async function snapshot(ids: string[]) {
    const [state] = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM handover_events) AS events,
              (SELECT count(*)::int FROM person_history WHERE person_id = ANY($1::uuid[])) AS history,
              (SELECT count(*)::int FROM audit_entries WHERE entity_id = ANY($1::text[])) AS audit,
              (SELECT json_agg(json_build_object('id', id, 'status', status, 'version', version) ORDER BY id)
                 FROM people WHERE id = ANY($1::uuid[])) AS people`,
      [ids],
    )) as unknown[];
    return state;
  }

  const statuses = async (ids: string[]) =>
    (await t.db.query(
      `SELECT status, departed_at, count(*)::int AS n FROM people WHERE id = ANY($1::uuid[])
        GROUP BY status, departed_at`,
      [ids],
    )) as { status: string; departed_at: Date | null; n: number }[];

  describe('a 1,000-person repatriation departure', () => {
    let ids: string[];
    let res: Awaited<ReturnType<typeof post>>;
    beforeAll(async () => {
      ids = await fixtures(1000);
      res = await post(body(ids));
    });

    it('answers 201 with every person, in request order, and the counts', () => {
      expect(res.status).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({
        id: expect.any(String),
        type: 'repatriation_departure',
        occurredAt: OCCURRED_AT,
        countryCode: 'MMR',
        fromParty: 'MNDAA',
        toParty: 'Royal Thai Government',
        consularContactId: null,
        notes: 'Buses left at dawn',
        createdBy: cw.id,
        summary: {
          people: 1000,
          byOutcome: { handed_over: 1000, absent: 0, declined: 0 },
          byNationality: [{ code: 'THA', count: 1000 }],
        },
      });
      expect(res.body.people.map((p: { personId: string }) => p.personId)).toEqual(ids);
      expect(res.body.people[0]).toEqual({
        personId: ids[0],
        caseNumber: expect.stringMatching(/^\d{4}-\d{6}$/),
        outcome: 'handed_over',
      });
    });

    it('moves all of them to departed, departed at the event time, once each', async () => {
      expect(await statuses(ids)).toEqual([
        { status: 'departed', departed_at: new Date(OCCURRED_AT), n: 1000 },
      ]);
      const [history] = await t.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT person_id)::int AS people FROM person_history
          WHERE person_id = ANY($1::uuid[]) AND kind = 'status_change' AND to_status = 'departed'
            AND event_type = 'handover' AND event_id = $2`,
        [ids, res.body.id],
      );
      expect(history).toEqual({ n: 1000, people: 1000 });
      const [linked] = await t.db.query(
        `SELECT count(*)::int AS n FROM handover_people WHERE handover_id = $1 AND outcome = 'handed_over'`,
        [res.body.id],
      );
      expect(linked.n).toBe(1000);
    });

    it('writes one handover.create audit entry with counts, and one person.transition each', async () => {
      const entries = await t.db.query(
        `SELECT actor_id, details FROM audit_entries WHERE action = 'handover.create' AND entity_id = $1`,
        [res.body.id],
      );
      expect(entries).toEqual([
        {
          actor_id: cw.id,
          details: {
            type: 'repatriation_departure',
            people: 1000,
            moved: 1000,
            byOutcome: { handed_over: 1000, absent: 0, declined: 0 },
          },
        },
      ]);
      expect(JSON.stringify(entries)).not.toContain('Buses');
      const [moves] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries
          WHERE action = 'person.transition' AND entity_id = ANY($1::text[]) AND details->>'via' = 'repatriation_departure'`,
        [ids],
      );
      expect(moves.n).toBe(1000);
    });

    it('GET /handovers/:id answers the same event, its people by case number', async () => {
      const got = await t.http().get(`${API}/handovers/${res.body.id}`).set(cw.auth);
      expect(got.status).toBe(200);
      expect({ ...got.body, people: undefined }).toEqual({ ...res.body, people: undefined });
      const byCaseNumber = [...res.body.people].sort((a: { caseNumber: string }, b: { caseNumber: string }) =>
        a.caseNumber.localeCompare(b.caseNumber),
      );
      expect(got.body.people).toEqual(byCaseNumber);
    });
  });

  describe('all or nothing', () => {
    it('the same list with one case still in screening: 422 naming exactly that person, nothing written', async () => {
      const ids = await fixtures(1000);
      const [stuck] = await fixtures(1, 'screening');
      const list = [...ids.slice(0, 500), stuck, ...ids.slice(500)];
      const before = await snapshot(list);
      const res = await post(body(list));
      expectError(res, 422, 'HANDOVER_INVALID');
      expect(res.body.details).toEqual([{ personId: stuck, reason: 'not_eligible' }]);
      expect(await snapshot(list)).toEqual(before);
    });

    it('names every offender in request order: missing, duplicated, not eligible', async () => {
      const [a, b] = await fixtures(2);
      const [early] = await fixtures(1, 'consular_notified');
      const missing = randomUUID();
      const list = [a, missing, b, early, a];
      const before = await snapshot([a, b, early]);
      const res = await post(body(list));
      expectError(res, 422, 'HANDOVER_INVALID');
      expect(res.body.details).toEqual([
        { personId: missing, reason: 'not_found' },
        { personId: early, reason: 'not_eligible' },
        { personId: a, reason: 'duplicate' },
      ]);
      expect(await snapshot([a, b, early])).toEqual(before);
    });

    it('an id in capitals is the same person: listed twice is a duplicate', async () => {
      const [a] = await fixtures(1);
      const res = await post(body([a, a.toUpperCase()]));
      expectError(res, 422, 'HANDOVER_INVALID');
      expect(res.body.details).toEqual([{ personId: a, reason: 'duplicate' }]);
    });
  });

  describe('?dryRun=true', () => {
    it('runs every check, answers 200 with offenders and the counts, and writes nothing', async () => {
      const ids = await fixtures(3);
      const [stuck] = await fixtures(1, 'screening');
      const missing = randomUUID();
      const list = [ids[0], stuck, ids[1], missing, ids[2], ids[1]];
      const before = await snapshot([...ids, stuck]);
      const res = await post(body(list), { dryRun: 'true' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        valid: false,
        eligible: ids,
        offenders: [
          { personId: stuck, reason: 'not_eligible' },
          { personId: missing, reason: 'not_found' },
          { personId: ids[1], reason: 'duplicate' },
        ],
        summary: {
          people: 3,
          byOutcome: { handed_over: 3, absent: 0, declined: 0 },
          byNationality: [{ code: 'THA', count: 3 }],
        },
      });
      expect(await snapshot([...ids, stuck])).toEqual(before);
    });

    it('says valid for a clean list, still writing nothing but its audit entry', async () => {
      const ids = await fixtures(2);
      const before = await snapshot(ids);
      const res = await post(body(ids), { dryRun: 'true' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ valid: true, eligible: ids, offenders: [] });
      expect(await snapshot(ids)).toEqual(before);
      const [entry] = await t.db.query(
        `SELECT details FROM audit_entries WHERE action = 'handover.dry_run' AND actor_id = $1
          ORDER BY id DESC LIMIT 1`,
        [cw.id],
      );
      expect(entry.details).toEqual({ type: 'repatriation_departure', people: 2, eligible: 2, offenders: 0 });
    });

    it('does not consume the Idempotency-Key: the real request with that key is recorded', async () => {
      const ids = await fixtures(2);
      const key = `dry-${randomUUID()}`;
      const dry = await post(body(ids), { key, dryRun: 'true' });
      expect(dry.status).toBe(200);
      expect(dry.headers['idempotent-replayed']).toBeUndefined();
      const again = await post(body(ids), { key, dryRun: 'true' });
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBeUndefined();
      const real = await post(body(ids), { key });
      expect(real.status).toBe(201);
      expect(real.headers['idempotent-replayed']).toBeUndefined();
      expect(await statuses(ids)).toEqual([{ status: 'departed', departed_at: new Date(OCCURRED_AT), n: 2 }]);
    });

    it('takes only true or false', async () => {
      const ids = await fixtures(1);
      for (const value of ['yes', '1', 'TRUE', '']) {
        expectError(await post(body(ids), { dryRun: value }), 400, 'VALIDATION_FAILED');
      }
      const both = await t
        .http()
        .post(`${API}/handovers?dryRun=true&dryRun=true`)
        .set(cw.auth)
        .send(body(ids));
      expectError(both, 400, 'VALIDATION_FAILED');
      expect((await post(body(ids), { dryRun: 'false' })).status).toBe(201);
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key and body replay the first answer, and only one event exists', async () => {
      const ids = await fixtures(5);
      const key = `handover-${randomUUID()}`;
      const first = await post(body(ids), { key });
      const again = await post(body(ids), { key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const events = await t.db.query(
        `SELECT DISTINCT handover_id FROM handover_people WHERE person_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(events).toEqual([{ handover_id: first.body.id }]);
      const replays = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries
          WHERE action = 'idempotent.replay' AND entity_type = 'handover' AND entity_id = $1`,
        [first.body.id],
      );
      expect(replays[0].n).toBe(1);
    });

    it('the same key with a different body is 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const ids = await fixtures(2);
      const key = `handover-${randomUUID()}`;
      expect((await post(body([ids[0]]), { key })).status).toBe(201);
      expectError(await post(body([ids[1]]), { key }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await statuses([ids[1]])).toEqual([{ status: 'exit_cleared', departed_at: null, n: 1 }]);
    });

    it('a refused event leaves the key free for the corrected request', async () => {
      const [ok] = await fixtures(1);
      const [stuck] = await fixtures(1, 'screening');
      const key = `fix-${randomUUID()}`;
      expectError(await post(body([ok, stuck]), { key }), 422, 'HANDOVER_INVALID');
      expect((await post(body([ok]), { key })).status).toBe(201);
    });
  });

  describe('two overlapping events at once', () => {
    it.each([1, 2, 3])(
      'one is recorded, the other refused; no deadlock, each person moved once (round %i)',
      async () => {
        const ids = await fixtures(60);
        const first = ids.slice(0, 40);
        // the other lists its people backwards: locks are still taken in one order
        const second = ids.slice(20).reverse();
        const results = await Promise.all([post(body(first)), post(body(second))]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
        const winner = results.find((r) => r.status === 201)!;
        const loser = results.find((r) => r.status === 422)!;
        expectError(loser, 422, 'HANDOVER_INVALID');
        const won = new Set(winner.body.people.map((p: { personId: string }) => p.personId));
        const overlap = ids.slice(20, 40);
        expect(new Set(loser.body.details.map((d: { personId: string }) => d.personId))).toEqual(
          new Set(overlap),
        );
        expect(loser.body.details.every((d: { reason: string }) => d.reason === 'not_eligible')).toBe(true);

        const rows = (await t.db.query(
          `SELECT p.id, p.status,
                (SELECT count(*)::int FROM person_history h
                  WHERE h.person_id = p.id AND h.kind = 'status_change') AS moves,
                (SELECT count(*)::int FROM handover_people hp WHERE hp.person_id = p.id) AS events
           FROM people p WHERE p.id = ANY($1::uuid[])`,
          [ids],
        )) as { id: string; status: string; moves: number; events: number }[];
        for (const row of rows) {
          const expected = won.has(row.id)
            ? { status: 'departed', moves: 1, events: 1 }
            : { status: 'exit_cleared', moves: 0, events: 0 };
          expect({ id: row.id, status: row.status, moves: row.moves, events: row.events }).toEqual({
            id: row.id,
            ...expected,
          });
        }
      },
    );

    it('queues instead of deadlocking when both reach a shared person at the same moment', async () => {
      const ids = await fixtures(60);
      const first = ids.slice(0, 40);
      const second = ids.slice(20).reverse();
      // Hold the shared person who comes first in id order, so that both events are mid-way through
      // taking their locks when it is released: locks taken in request order would now deadlock.
      const shared = ids.slice(20, 40).sort()[0];
      const holder = t.db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM people WHERE id = $1 FOR UPDATE', [shared]);
      const requests = Promise.all([post(body(first)), post(body(second))]);
      for (let waiting = 0, tries = 0; waiting < 2; tries++) {
        if (tries > 200) throw new Error('the two events never reached the shared person');
        await new Promise((resolve) => setTimeout(resolve, 25));
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`,
        );
        waiting = row.n;
      }
      await holder.rollbackTransaction();
      await holder.release();
      const results = await requests;
      expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    });
  });

  describe('what each event does to a case', () => {
    const history = async (id: string) =>
      (await t.http().get(`${API}/people/${id}/history`).set(cw.auth)).body.items as {
        kind: string;
        fromStatus: string | null;
        toStatus: string | null;
        event: { type: string; id: string } | null;
      }[];

    it.each(['identity_verified', 'documents_issued', 'exit_cleared', 'movement_scheduled'])(
      'a departure takes a case from %s to departed',
      async (from) => {
        const p = await createPerson(t, cw);
        const version = await forceStatus(t, p.id, from);
        const res = await post(body([p.id]));
        expect(res.status).toBe(201);
        const got = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
        expect(got.body).toMatchObject({ status: 'departed', departedAt: OCCURRED_AT, version: version + 1 });
        expect((await history(p.id))[0]).toMatchObject({
          kind: 'status_change',
          fromStatus: from,
          toStatus: 'departed',
          event: { type: 'handover', id: res.body.id },
        });
      },
    );

    it('an arrival home takes a departed case to received_home at the event time', async () => {
      const p = await createPerson(t, cw);
      await forceStatus(t, p.id, 'departed');
      const arrivedAt = '2023-11-20T14:05:00.000Z';
      const res = await post(
        body([p.id], {
          type: 'arrival_home',
          occurredAt: arrivedAt,
          countryCode: 'THA',
          place: 'Don Mueang',
        }),
      );
      expect(res.status).toBe(201);
      const got = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
      expect(got.body).toMatchObject({ status: 'received_home', receivedHomeAt: arrivedAt });
      expect((await history(p.id))[0]).toMatchObject({
        kind: 'status_change',
        fromStatus: 'departed',
        toStatus: 'received_home',
        event: { type: 'handover', id: res.body.id },
      });
    });

    it('an arrival home of a case that never departed is refused', async () => {
      const [p] = await fixtures(1, 'exit_cleared');
      const res = await post(body([p], { type: 'arrival_home' }));
      expectError(res, 422, 'HANDOVER_INVALID');
      expect(res.body.details).toEqual([{ personId: p, reason: 'not_eligible' }]);
    });

    it('absent and declined people keep their status; their history shows the event', async () => {
      const going = await createPerson(t, cw);
      const absent = await createPerson(t, cw);
      const declined = await createPerson(t, cw);
      await forceStatus(t, going.id, 'exit_cleared');
      const absentVersion = await forceStatus(t, absent.id, 'screening');
      await forceStatus(t, declined.id, 'movement_scheduled');
      const res = await post(
        body([
          { personId: going.id },
          { personId: absent.id, outcome: 'absent' },
          { personId: declined.id, outcome: 'declined' },
        ]),
      );
      expect(res.status).toBe(201);
      expect(res.body.summary.byOutcome).toEqual({ handed_over: 1, absent: 1, declined: 1 });
      const got = await t.http().get(`${API}/people/${absent.id}`).set(cw.auth);
      expect(got.body).toMatchObject({ status: 'screening', departedAt: null, version: absentVersion + 1 });
      expect((await t.http().get(`${API}/people/${declined.id}`).set(cw.auth)).body.status).toBe(
        'movement_scheduled',
      );
      for (const id of [absent.id, declined.id]) {
        expect((await history(id))[0]).toMatchObject({
          kind: 'event',
          fromStatus: null,
          toStatus: null,
          event: { type: 'handover', id: res.body.id },
        });
      }
      const touched = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'person.handover' AND entity_id = ANY($1::text[])`,
        [[absent.id, declined.id]],
      );
      expect(touched[0].n).toBe(2);
    });

    it.each(['rescue', 'transfer', 'border_handover'])(
      'a %s moves no one, whatever their status, and shows in each history',
      async (type) => {
        const p = await createPerson(t, cw);
        const res = await post(body([p.id], { type }));
        expect(res.status).toBe(201);
        expect((await t.http().get(`${API}/people/${p.id}`).set(cw.auth)).body.status).toBe('identified');
        expect((await history(p.id))[0]).toMatchObject({
          kind: 'event',
          event: { type: 'handover', id: res.body.id },
        });
      },
    );
  });

  it('the Laukkaing day: 266 Thai, 6 Filipino and 1 Singaporean nationals in one departure', async () => {
    const tha = await fixtures(266, 'exit_cleared', ['THA']);
    const phl = await fixtures(6, 'exit_cleared', ['PHL']);
    const sgp = await fixtures(1, 'exit_cleared', ['SGP']);
    const list = [...phl.slice(0, 3), ...tha, ...sgp, ...phl.slice(3)];
    const expected = {
      people: 273,
      byOutcome: { handed_over: 273, absent: 0, declined: 0 },
      byNationality: [
        { code: 'THA', count: 266 },
        { code: 'PHL', count: 6 },
        { code: 'SGP', count: 1 },
      ],
    };
    const dry = await post(body(list), { dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ valid: true, eligible: list, offenders: [], summary: expected });
    const res = await post(body(list));
    expect(res.status).toBe(201);
    expect(res.body.summary).toEqual(expected);
    expect(await statuses(list)).toEqual([
      { status: 'departed', departed_at: new Date(OCCURRED_AT), n: 273 },
    ]);
  });

  it('a dual national counts in each of their nationalities', async () => {
    const dual = await fixtures(2, 'exit_cleared', ['MMR', 'THA']);
    const single = await fixtures(1, 'exit_cleared', ['MMR']);
    const res = await post(body([...dual, ...single]));
    expect(res.status).toBe(201);
    expect(res.body.summary).toMatchObject({
      people: 3,
      byNationality: [
        { code: 'MMR', count: 3 },
        { code: 'THA', count: 2 },
      ],
    });
  });
});
