import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/common/roles';
import { API, createUser, login, loginAs, type SignedIn, type TestApp } from './app';
import { notify, personOf } from './consular';
import { forceStatus } from './people';
import { totpCode } from './totp';

/** The consular user of the matrix is the Thai embassy's. */
export const EMBASSY_COUNTRY = 'THA';

/**
 * Where a record stands for the matrix's consular user. `inScope`: what the embassy may see (its
 * national who consents to consular notification; its country's contact; a handover holding such a
 * person). `outOfScope`: the nearest thing it may not (its national who consented, was notified, then
 * withdrew consent; another country's contact; a handover holding only such a person). `n/a`: a route
 * without a record, or whose records have no embassy scope (users, compounds).
 */
export type Scope = 'inScope' | 'outOfScope' | 'n/a';

/** How far along a person must be for the route under test to accept them. */
export type Stage = 'identified' | 'presumed_victim' | 'notified' | 'identity_verified';

export interface Person {
  id: string;
  version: number;
}

/** Records and sign-ins for the matrix, made through the API (fixtures' shortcuts aside). */
export class MatrixRecords {
  readonly signedIn = {} as Record<Role, SignedIn>;
  private shared = {} as {
    person: Record<'inScope' | 'outOfScope', Person>;
    contact: Record<'inScope' | 'outOfScope', string>;
    handover: Record<'inScope' | 'outOfScope', string>;
    compound: string;
    user: string;
  };

  constructor(private readonly t: TestApp) {}

  get admin(): SignedIn {
    return this.signedIn.admin;
  }

  async setUp(roles: readonly Role[]): Promise<void> {
    for (const role of roles) this.signedIn[role] = await loginAs(this.t, role, [EMBASSY_COUNTRY]);
    const person = {
      inScope: await this.person('inScope', 'notified'),
      outOfScope: await this.person('outOfScope', 'notified'),
    };
    this.shared = {
      person,
      contact: { inScope: await this.contact('inScope'), outOfScope: await this.contact('outOfScope') },
      handover: {
        inScope: await this.handover(person.inScope.id),
        outOfScope: await this.handover(person.outOfScope.id),
      },
      compound: await this.compound(),
      user: await this.user(),
    };
  }

  /** A shared record for reads and refusals (nothing is written to it). */
  sharedPerson(scope: Scope): Person {
    return this.shared.person[scope === 'outOfScope' ? 'outOfScope' : 'inScope'];
  }
  sharedContact(scope: Scope): string {
    return this.shared.contact[scope === 'outOfScope' ? 'outOfScope' : 'inScope'];
  }
  sharedHandover(scope: Scope): string {
    return this.shared.handover[scope === 'outOfScope' ? 'outOfScope' : 'inScope'];
  }
  get sharedCompound(): string {
    return this.shared.compound;
  }
  get sharedUser(): string {
    return this.shared.user;
  }

  /**
   * A new Thai person at `stage` (notified: to the Thai embassy). Out of scope: consent to consular
   * notification granted, then withdrawn, so the embassy lost sight of them.
   */
  async person(scope: Scope, stage: Stage = 'identified'): Promise<Person> {
    const status = stage === 'identified' ? 'identified' : 'presumed_victim';
    const p = await personOf(this.t, this.admin, [EMBASSY_COUNTRY], { consent: true, status });
    if (stage === 'notified' || stage === 'identity_verified')
      await notify(this.t, this.admin, p.id, EMBASSY_COUNTRY);
    if (stage === 'identity_verified') await forceStatus(this.t, p.id, 'identity_verified');
    if (scope === 'outOfScope') {
      await this.expectCreated(`/people/${p.id}/consents`, { type: 'consular_notification', granted: false });
    }
    return { id: p.id, version: await this.versionOf(`/people/${p.id}`) };
  }

  /** A contact of the embassy's country, or of another one. */
  async contact(scope: Scope): Promise<string> {
    const countryCode = scope === 'outOfScope' ? 'PHL' : EMBASSY_COUNTRY;
    return (
      await this.expectCreated('/consular/contacts', {
        countryCode,
        mission: 'Embassy, Bangkok',
        name: 'Officer',
      })
    ).id;
  }

  async compound(): Promise<string> {
    return (
      await this.expectCreated('/compounds', {
        name: `Matrix ${randomUUID()}`,
        countryCode: 'MMR',
        status: 'active',
      })
    ).id;
  }

  /** A handover event holding one person. */
  async handover(personId: string): Promise<string> {
    const body = {
      type: 'transfer',
      occurredAt: '2023-11-19T07:00:00Z',
      place: 'Shelter gate',
      countryCode: EMBASSY_COUNTRY,
      fromParty: 'Border police',
      toParty: 'Shelter',
      people: [{ personId }],
    };
    return (await this.expectCreated('/handovers', body)).id;
  }

  /** A user whom a route may reset, disable or sign out: never one the matrix signs in with. */
  async user(role: Role = 'caseworker'): Promise<string> {
    return (await createUser(this.t, role)).id;
  }

  /** A user of `role` signed in afresh: for routes that end or change the caller's own login. */
  async freshSignIn(role: Role): Promise<SignedIn & { password: string }> {
    return login(this.t, await createUser(this.t, role, role === 'consular' ? [EMBASSY_COUNTRY] : []));
  }

  /** Starts two-factor enrolment for `user`; answers the secret its authenticator would hold. */
  async enrol(user: SignedIn): Promise<string> {
    const res = await this.t.http().post(`${API}/auth/mfa/enroll`).set(user.auth).send({});
    if (res.status !== 200) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.secret as string;
  }

  /**
   * A user of `role` signed in afresh with two-factor sign-in turned on (the current step's code
   * spent), and `nextCode()`: a code of the next 30-second step, which the ±1 step window accepts and
   * no earlier use has spent.
   */
  async withTwoFactor(role: Role): Promise<SignedIn & { password: string; nextCode: () => Promise<string> }> {
    const user = await this.freshSignIn(role);
    const secret = await this.enrol(user);
    const res = await this.t
      .http()
      .post(`${API}/auth/mfa/activate`)
      .set(user.auth)
      .send({ code: await totpCode(secret) });
    if (res.status !== 200) throw new Error(`activate: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...user, nextCode: () => totpCode(secret, 30_000) };
  }

  /** The first step of a two-factor sign-in: the password; answers the token the second step takes. */
  async passwordStep(user: { email: string; password: string }): Promise<string> {
    const res = await this.t
      .http()
      .post(`${API}/auth/login`)
      .send({ email: user.email, password: user.password });
    if (res.status !== 200 || !res.body.mfaRequired)
      throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.mfaToken as string;
  }

  /** A second login of the matrix's own user of `role`, to be ended without ending the first. */
  async secondLogin(role: Role): Promise<SignedIn> {
    return login(this.t, this.signedIn[role]);
  }

  /** The version a single resource's GET gives (its ETag), read as the admin. */
  async versionOf(path: string): Promise<number> {
    const res = await this.t.http().get(`${API}${path}`).set(this.admin.auth);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return res.body.version as number;
  }

  private async expectCreated(path: string, body: object): Promise<{ id: string }> {
    const res = await this.t.http().post(`${API}${path}`).set(this.admin.auth).send(body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
