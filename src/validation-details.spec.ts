import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CreatePersonDto } from './people/dto/create-person.dto';
import { TransitionDto } from './people/dto/transition.dto';
import { CreateUserDto } from './users/dto/create-user.dto';
import { FIELD_ERROR_CODES } from './common/errors';
import { CONSTRAINT_RULES } from './common/validation-codes';
import { toFieldErrors } from './common/validation';

const VALIDATION = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: true, value: true },
};

async function detailsOf(cls: new () => object, body: object) {
  return toFieldErrors(await validate(plainToInstance(cls, body), VALIDATION));
}

const person = {
  sex: 'female',
  nationalities: [{ code: 'THA' }],
  rescuedAt: '2023-11-01T08:00:00Z',
};

describe('validation details: one per field, with a stable code and params', () => {
  it('knows every constraint any DTO declares (a new decorator needs its row)', () => {
    // Load every DTO so that its decorators register.
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? walk(join(dir, e.name))
          : /\.(dto|view)\.ts$|pagination\.ts$/.test(e.name)
            ? [join(dir, e.name)]
            : [],
      );
    // Synchronous on purpose: every decorator must have registered before the metadata is read.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const file of walk(__dirname)) require(file);
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { type: string; name?: string }[]>;
    };
    const names = new Set(
      [...storage.validationMetadatas.values()]
        .flat()
        .filter((m) => !['conditionalValidation', 'whitelistValidation'].includes(m.type))
        .map((m) => (m.type === 'customValidation' ? m.name! : m.type)),
    );
    const known = new Set(CONSTRAINT_RULES.map(([name]) => name));
    expect([...names].filter((n) => !known.has(n)).sort()).toEqual([]);
    expect(names.size).toBeGreaterThan(20);
  });

  it('maps every constraint to a code of the published list', () => {
    const codes = CONSTRAINT_RULES.map(([name, resolve]) => [name, resolve([1, 2], 'x').code]);
    for (const [name, code] of codes)
      expect({ name, known: FIELD_ERROR_CODES.includes(code as never) }).toEqual({ name, known: true });
  });

  it('says required for a missing field, before anything else it breaks', async () => {
    const details = await detailsOf(CreatePersonDto, { ...person, sex: undefined, nationalities: undefined });
    expect(details).toEqual(
      expect.arrayContaining([
        {
          field: 'sex',
          code: 'required',
          message: 'sex is required',
          params: { allowed: ['female', 'male', 'other', 'unknown'] },
        },
        { field: 'nationalities', code: 'required', message: 'nationalities is required' },
      ]),
    );
    expect(details).toHaveLength(2);
  });

  it('reports the type before the length, and one detail per field', async () => {
    const details = await detailsOf(CreatePersonDto, {
      ...person,
      givenName: 42,
      familyName: 'a'.repeat(201),
    });
    expect(details).toEqual([
      { field: 'givenName', code: 'invalid_type', params: { type: 'string' }, message: expect.any(String) },
      { field: 'familyName', code: 'too_long', params: { max: 200 }, message: expect.any(String) },
    ]);
  });

  it('tells too short from too long on a length range, also for each element of a list', async () => {
    const short = await detailsOf(CreatePersonDto, { ...person, aliases: ['ok', ''] });
    expect(short).toEqual([
      expect.objectContaining({ field: 'aliases', code: 'too_short', params: { min: 1 } }),
    ]);
    const long = await detailsOf(CreatePersonDto, { ...person, aliases: ['a'.repeat(201)] });
    expect(long).toEqual([
      expect.objectContaining({ field: 'aliases', code: 'too_long', params: { max: 200 } }),
    ]);
  });

  it('gives the allowed values of a list, the bounds of a range, and unknown fields', async () => {
    expect(
      await detailsOf(CreatePersonDto, {
        ...person,
        recruitedVia: 'myspace',
        estimatedAge: 130,
        shoeSize: 42,
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'recruitedVia',
          code: 'one_of',
          params: { allowed: expect.arrayContaining(['telegram']) },
        }),
        expect.objectContaining({ field: 'estimatedAge', code: 'too_large', params: { max: 120 } }),
        { field: 'shoeSize', code: 'unknown_field', message: 'unknown field' },
      ]),
    );
  });

  it('a missing list says required, not "too few elements"; a list of too many says too_long', async () => {
    const many = Array.from({ length: 11 }, () => ({ code: 'THA' }));
    expect(await detailsOf(CreatePersonDto, { ...person, nationalities: many })).toEqual([
      expect.objectContaining({ field: 'nationalities', code: 'too_long', params: { max: 10 } }),
    ]);
    expect(await detailsOf(CreatePersonDto, { ...person, nationalities: [] })).toEqual([
      expect.objectContaining({ field: 'nationalities', code: 'too_short', params: { min: 1 } }),
    ]);
  });

  it('dates: a day that does not exist is a format error, a future one not_in_future', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await detailsOf(CreatePersonDto, { ...person, dateOfBirth: '2001-02-30' })).toEqual([
      expect.objectContaining({ field: 'dateOfBirth', code: 'invalid_format', params: { format: 'date' } }),
    ]);
    expect(
      await detailsOf(CreatePersonDto, { ...person, dateOfBirth: tomorrow.toISOString().slice(0, 10) }),
    ).toEqual([expect.objectContaining({ field: 'dateOfBirth', code: 'not_in_future' })]);
    expect(await detailsOf(CreatePersonDto, { ...person, rescuedAt: tomorrow.toISOString() })).toEqual([
      expect.objectContaining({ field: 'rescuedAt', code: 'not_in_future' }),
    ]);
    expect(await detailsOf(CreatePersonDto, { ...person, rescuedAt: '2023-11-01T08:00:00' })).toEqual([
      expect.objectContaining({
        field: 'rescuedAt',
        code: 'invalid_format',
        params: { format: 'date-time' },
      }),
    ]);
  });

  it('both dateOfBirth and estimatedAge: a conflict on each, naming the other', async () => {
    expect(
      await detailsOf(CreatePersonDto, { ...person, dateOfBirth: '2001-02-03', estimatedAge: 22 }),
    ).toEqual([
      expect.objectContaining({ field: 'dateOfBirth', code: 'conflict', params: { with: 'estimatedAge' } }),
      expect.objectContaining({ field: 'estimatedAge', code: 'conflict', params: { with: 'dateOfBirth' } }),
    ]);
  });

  it('aliases and languages differing only in case are duplicates', async () => {
    expect(
      await detailsOf(CreatePersonDto, {
        ...person,
        aliases: ['Nong', 'nong'],
        languages: ['zh-Hans', 'zh-hans'],
      }),
    ).toEqual([
      expect.objectContaining({ field: 'aliases', code: 'duplicate' }),
      expect.objectContaining({ field: 'languages', code: 'duplicate' }),
    ]);
  });

  it('nested fields: a lower-case nationality code is a format error on that element', async () => {
    expect(await detailsOf(CreatePersonDto, { ...person, nationalities: [{ code: 'tha' }] })).toEqual([
      expect.objectContaining({
        field: 'nationalities.0.code',
        code: 'invalid_format',
        params: { pattern: '^[A-Z]{3}$' },
      }),
    ]);
    expect(await detailsOf(CreatePersonDto, { ...person, nationalities: [{}] })).toEqual([
      expect.objectContaining({ field: 'nationalities.0.code', code: 'required' }),
    ]);
  });

  it('transitions: closing needs a reason (required, with the choices), and a known one', async () => {
    const missing = await detailsOf(TransitionDto, { to: 'closed' });
    expect(missing).toEqual([
      expect.objectContaining({
        field: 'reason',
        code: 'required',
        params: { allowed: expect.arrayContaining(['declined']) },
      }),
    ]);
    expect(await detailsOf(TransitionDto, { to: 'closed', reason: 'bored' })).toEqual([
      expect.objectContaining({
        field: 'reason',
        code: 'one_of',
        message: expect.stringContaining('closing needs a reason'),
      }),
    ]);
    expect(await detailsOf(TransitionDto, { to: 'screening', reason: 'x'.repeat(201) })).toEqual([
      expect.objectContaining({ field: 'reason', code: 'too_long', params: { max: 200 } }),
    ]);
    expect(await detailsOf(TransitionDto, { to: 'nowhere' })).toEqual([
      expect.objectContaining({
        field: 'to',
        code: 'one_of',
        params: { allowed: expect.arrayContaining(['screening']) },
      }),
    ]);
  });

  it('users: an email that is not one, a short password, an unknown role', async () => {
    expect(
      await detailsOf(CreateUserDto, { email: 'nope', displayName: 'A', password: 'short', role: 'root' }),
    ).toEqual([
      expect.objectContaining({ field: 'email', code: 'invalid_format', params: { format: 'email' } }),
      expect.objectContaining({ field: 'password', code: 'too_short', params: { min: 12 } }),
      expect.objectContaining({
        field: 'role',
        code: 'one_of',
        params: { allowed: expect.arrayContaining(['admin']) },
      }),
    ]);
  });
});
