import { allEdges, CASE_STATUSES } from '../src/people/workflow/case-workflow';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson, forceStatus, personPayload } from './support/people';

describe('Case workflow over HTTP', () => {
  let t: TestApp;
  let cw: SignedIn;
  let sup: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    sup = await loginAs(t, 'supervisor');
  });
  afterAll(() => t.close());

  const move = (user: SignedIn, id: string, version: number, body: Record<string, unknown>) =>
    t
      .http()
      .post(`${API}/people/${id}/transitions`)
      .set(user.auth)
      .set('If-Match', `"${version}"`)
      .send(body);

  /** A person in `status`, returned with the version to send. */
  async function personIn(status: string, holdReturn?: string): Promise<{ id: string; version: number }> {
    const p = await createPerson(t, cw);
    if (status === 'identified') return { id: p.id, version: p.version };
    return { id: p.id, version: await forceStatus(t, p.id, status, holdReturn) };
  }

  const manualEdges = allEdges().filter((e) => e.trigger === 'manual');

  it.each(manualEdges.map((e) => [e.from, e.to]))('moves %s → %s', async (from, to) => {
    const p = await personIn(from);
    const res = await move(sup, p.id, p.version, {
      to,
      reason: to === 'closed' ? 'reintegrated' : undefined,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: to, version: p.version + 1 });
    expect(res.headers.etag).toBe(`"${p.version + 1}"`);
  });

  const eventOnly = allEdges().filter(
    (e) => e.trigger !== 'manual' && !manualEdges.some((m) => m.from === e.from && m.to === e.to),
  );
  it.each(eventOnly.map((e) => [e.from, e.to, e.trigger]))(
    'refuses %s → %s by hand (only through %s)',
    async (from, to) => {
      const p = await personIn(from);
      expectError(await move(sup, p.id, p.version, { to }), 422, 'INVALID_TRANSITION');
    },
  );

  it.each([
    ['identified', 'closed'],
    ['identified', 'departed'],
    ['screening', 'documents_issued'],
    ['received_home', 'screening'],
    ['closed', 'identified'],
    ['withdrawn', 'screening'],
    ['departed', 'withdrawn'],
    ['identified', 'identified'],
  ])('refuses %s → %s with 422 INVALID_TRANSITION and changes nothing', async (from, to) => {
    const p = await personIn(from);
    const res = await move(sup, p.id, p.version, { to, reason: to === 'closed' ? 'declined' : undefined });
    expectError(res, 422, 'INVALID_TRANSITION');
    const after = await t.http().get(`${API}/people/${p.id}`).set(cw.auth);
    expect(after.body).toMatchObject({ status: from, version: p.version });
  });

  it('refuses an unknown target with 400, before looking at the case', async () => {
    const p = await personIn('screening');
    expectError(await move(cw, p.id, p.version, { to: 'teleported' }), 400, 'VALIDATION_FAILED');
    expectError(
      await move(cw, '6f1c7a57-1111-4c4c-9a9a-000000000000', 1, { to: 'teleported' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('checks scope, then role, then the graph', async () => {
    expectError(
      await move(cw, '6f1c7a57-1111-4c4c-9a9a-000000000000', 1, { to: 'closed', reason: 'declined' }),
      404,
      'NOT_FOUND',
    );
    const p = await personIn('identified');
    // identified → closed is not in the graph, but the caseworker's role is refused first.
    expectError(await move(cw, p.id, p.version, { to: 'closed', reason: 'declined' }), 403, 'FORBIDDEN');
    expectError(
      await move(sup, p.id, p.version, { to: 'closed', reason: 'declined' }),
      422,
      'INVALID_TRANSITION',
    );
  });

  it('lets only supervisors and admins close a case or mark it not_victim', async () => {
    const received = await personIn('received_home');
    expectError(
      await move(cw, received.id, received.version, { to: 'closed', reason: 'reintegrated' }),
      403,
      'FORBIDDEN',
    );
    const screening = await personIn('screening');
    expectError(await move(cw, screening.id, screening.version, { to: 'not_victim' }), 403, 'FORBIDDEN');
    const admin = await loginAs(t, 'admin');
    const closed = await move(admin, received.id, received.version, { to: 'closed', reason: 'reintegrated' });
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'reintegrated' });
    expect(closed.body.closedAt).toEqual(expect.any(String));
  });

  it('needs a known reason to close (400), and clears it when the case is reopened', async () => {
    const p = await personIn('withdrawn');
    expectError(await move(sup, p.id, p.version, { to: 'closed' }), 400, 'VALIDATION_FAILED');
    expectError(
      await move(sup, p.id, p.version, { to: 'closed', reason: 'bored' }),
      400,
      'VALIDATION_FAILED',
    );
    const closed = await move(sup, p.id, p.version, { to: 'closed', reason: 'declined' });
    expect(closed.status).toBe(200);
    const reopened = await move(cw, p.id, closed.body.version, { to: 'screening', reason: 're-trafficked' });
    expect(reopened.body).toMatchObject({ status: 'screening', closedReason: null, closedAt: null });
  });

  it('returns from on_hold only to the state it was entered from', async () => {
    const p = await personIn('exit_cleared');
    const held = await move(cw, p.id, p.version, { to: 'on_hold', reason: 'medical' });
    expect(held.body.status).toBe('on_hold');
    expectError(await move(cw, p.id, held.body.version, { to: 'screening' }), 422, 'INVALID_TRANSITION');
    expectError(
      await move(cw, p.id, held.body.version, { to: 'movement_scheduled' }),
      422,
      'INVALID_TRANSITION',
    );
    const back = await move(cw, p.id, held.body.version, { to: 'exit_cleared' });
    expect(back.body.status).toBe('exit_cleared');
  });

  it('needs If-Match (428) and the current version (412)', async () => {
    const p = await personIn('identified');
    expectError(
      await t.http().post(`${API}/people/${p.id}/transitions`).set(cw.auth).send({ to: 'screening' }),
      428,
      'PRECONDITION_REQUIRED',
    );
    expectError(await move(cw, p.id, p.version + 1, { to: 'screening' }), 412, 'VERSION_MISMATCH');
  });

  it('keeps the full history, newest first, with reasons and notes, paged', async () => {
    const p = await personIn('identified');
    let version = p.version;
    for (const to of ['screening', 'presumed_victim', 'protection_claim', 'presumed_victim']) {
      const res = await move(cw, p.id, version, { to, note: `moved to ${to}` });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    const first = await t.http().get(`${API}/people/${p.id}/history?limit=2`).set(cw.auth);
    expect(first.body.items.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'presumed_victim',
      'protection_claim',
    ]);
    expect(first.body.items[0]).toMatchObject({
      kind: 'status_change',
      fromStatus: 'protection_claim',
      actorId: cw.id,
      note: 'moved to presumed_victim',
    });
    const rest = await t
      .http()
      .get(`${API}/people/${p.id}/history?limit=10&cursor=${first.body.nextCursor}`)
      .set(cw.auth);
    expect(rest.body.items.map((h: { kind: string; toStatus: string }) => h.toStatus)).toEqual([
      'presumed_victim',
      'screening',
      'identified',
    ]);
    expect(rest.body.items[2].kind).toBe('created');
    expect(rest.body.nextCursor).toBeNull();
  });

  describe('allowedTransitions: the next steps the caller may choose', () => {
    const allowedOf = async (user: SignedIn, id: string) =>
      (await t.http().get(`${API}/people/${id}`).set(user.auth)).body.allowedTransitions as string[];

    it('lists exactly the targets POST /transitions accepts from each state, for each role', async () => {
      const wrong: string[] = [];
      for (const user of [cw, sup]) {
        for (const from of CASE_STATUSES) {
          const p = await createPerson(t, cw);
          await forceStatus(t, p.id, from, 'exit_cleared');
          const allowed = await allowedOf(user, p.id);
          for (const to of CASE_STATUSES) {
            const version = await forceStatus(t, p.id, from, 'exit_cleared');
            const res = await move(user, p.id, version, {
              to,
              reason: to === 'closed' ? 'declined' : undefined,
            });
            if ((res.status === 200) !== allowed.includes(to)) {
              wrong.push(`${user.role} ${from} → ${to}: ${res.status}, listed: ${allowed.includes(to)}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it('never offers a caseworker not_victim or closed; offers them to a supervisor', async () => {
      const screening = await personIn('screening');
      expect((await allowedOf(cw, screening.id)).sort()).toEqual(
        ['on_hold', 'presumed_victim', 'protection_claim', 'withdrawn'].sort(),
      );
      expect(await allowedOf(sup, screening.id)).toContain('not_victim');
      const received = await personIn('received_home');
      expect(await allowedOf(cw, received.id)).toEqual(['reintegration_followup']);
      expect((await allowedOf(sup, received.id)).sort()).toEqual(['closed', 'reintegration_followup']);
    });

    it('offers only the return from a hold', async () => {
      const p = await createPerson(t, cw);
      await forceStatus(t, p.id, 'on_hold', 'documents_issued');
      expect(await allowedOf(cw, p.id)).toEqual(['documents_issued']);
      expect(await allowedOf(sup, p.id)).toEqual(['documents_issued']);
    });

    it('offers nothing that only an event may do (notification, departure, arrival)', async () => {
      expect(await allowedOf(sup, (await personIn('presumed_victim')).id)).not.toContain('consular_notified');
      expect(await allowedOf(sup, (await personIn('movement_scheduled')).id)).toEqual([
        'withdrawn',
        'on_hold',
      ]);
      expect(await allowedOf(sup, (await personIn('departed')).id)).toEqual([]);
    });

    it('comes with every person view: intake, PATCH and the transition answer, for the new state', async () => {
      const created = await t.http().post(`${API}/people`).set(cw.auth).send(personPayload());
      expect(created.body.allowedTransitions).toEqual(['screening', 'withdrawn', 'on_hold']);
      const patched = await t
        .http()
        .patch(`${API}/people/${created.body.id}`)
        .set(cw.auth)
        .set('If-Match', `"${created.body.version}"`)
        .send({ rescuePlace: 'Myawaddy' });
      expect(patched.body.allowedTransitions).toEqual(['screening', 'withdrawn', 'on_hold']);
      const moved = await move(cw, created.body.id, patched.body.version, { to: 'screening' });
      expect(moved.body.allowedTransitions).toEqual(
        expect.arrayContaining(['presumed_victim', 'protection_claim', 'withdrawn', 'on_hold']),
      );
      expect(moved.body.allowedTransitions).not.toContain('not_victim');
    });

    it('is empty for an erased person', async () => {
      const p = await personIn('screening');
      const admin = await loginAs(t, 'admin');
      expect((await t.http().delete(`${API}/people/${p.id}`).set(admin.auth)).status).toBe(204);
      expect(await allowedOf(admin, p.id)).toEqual([]);
      expect(await allowedOf(sup, p.id)).toEqual([]);
    });
  });
});
