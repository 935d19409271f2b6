import type { DuplicateCandidateView } from '../src/people/dto/person.view';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API, createTestApp, expectError, loginAs, SignedIn, TestApp } from './support/app';
import { createPerson } from './support/people';

/**
 * The spelling pairs of shared/data/name-variants.csv, kept in the repo so that `npm test` needs
 * nothing beside it. Where the shared list sits beside the repo (as in CI), a pair added there and
 * not here fails the suite, so the copy cannot silently fall behind.
 */
const VARIANTS_FILE = join(__dirname, 'fixtures/name-variants.csv');
const SHARED_VARIANTS_FILE = join(__dirname, '../../shared/data/name-variants.csv');

function dataRows(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

it('holds every pair of the shared name-variant list', () => {
  const ours = dataRows(VARIANTS_FILE);
  expect(ours.length).toBeGreaterThan(10); // header + pairs
  // Without shared/ beside this checkout, the copy is the list.
  const missing = existsSync(SHARED_VARIANTS_FILE)
    ? dataRows(SHARED_VARIANTS_FILE).filter((row) => !ours.includes(row))
    : [];
  expect(missing).toEqual([]);
});

interface Variant {
  aGiven: string;
  aFamily: string;
  bGiven: string;
  bFamily: string;
  nationality: string;
  why: string;
}

/** One CSV line: comma-separated, double quotes around a field that holds a comma or a quote. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** Read when this file loads: a missing or empty list fails the suite, never passes it silently. */
function loadVariants(): Variant[] {
  if (!existsSync(VARIANTS_FILE)) throw new Error(`name variants file missing: ${VARIANTS_FILE}`);
  const lines = readFileSync(VARIANTS_FILE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.trimStart().startsWith('#'));
  const [header, ...rows] = lines.map(csvFields);
  const column = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`${VARIANTS_FILE}: no column "${name}" in the header`);
    return i;
  };
  const cols = ['a_given', 'a_family', 'b_given', 'b_family', 'nationality', 'why'].map(column);
  const variants = rows.map((r) => {
    const [aGiven, aFamily, bGiven, bFamily, nationality, why] = cols.map((i) => r[i] ?? '');
    if (!(aGiven || aFamily) || !(bGiven || bFamily)) {
      throw new Error(`${VARIANTS_FILE}: a row without names: ${r.join(',')}`);
    }
    return { aGiven, aFamily, bGiven, bFamily, nationality, why };
  });
  if (!variants.length) throw new Error(`${VARIANTS_FILE} holds no pairs`);
  return variants;
}

const variants = loadVariants();

/**
 * People who are not any of the pairs: realistic synthetic names from the same countries, many
 * sharing a given or a family name with a pair (another Somchai, another Jaidee, another Nguyen).
 */
const UNRELATED: [given: string, family: string, nationality: string][] = [
  ['Somchai', 'Wongsawat', 'THA'],
  ['Somchai', 'Kaewmanee', 'THA'],
  ['Somsak', 'Jaidee', 'THA'],
  ['Prasert', 'Jaidee', 'THA'],
  ['Siriporn', 'Thongdee', 'THA'],
  ['Malee', 'Srisuk', 'THA'],
  ['Nattapong', 'Srisuk', 'THA'],
  ['Kittisak', 'Wongsawat', 'THA'],
  ['Anong', 'Chaiyaporn', 'THA'],
  ['Juan', 'Santos', 'PHL'],
  ['Jose', 'Dela Cruz', 'PHL'],
  ['Maria Teresa', 'Santos', 'PHL'],
  ['Maria Cristina', 'Reyes', 'PHL'],
  ['Cristina', 'Villanueva', 'PHL'],
  ['Juanito', 'Delos Santos', 'PHL'],
  ['Van Anh', 'Nguyen', 'VNM'],
  ['Thi Mai', 'Pham', 'VNM'],
  ['Thi Lan', 'Nguyen', 'VNM'],
  ['Van Hung', 'Tran', 'VNM'],
  ['Minh Duc', 'Le', 'VNM'],
  ['Wei', 'Wang', 'CHN'],
  ['Min', 'Zhang', 'CHN'],
  ['Na', 'Li', 'CHN'],
  ['Lei', 'Zhao', 'CHN'],
  ['Rizky', 'Pratama', 'IDN'],
  ['Muhammad', 'Iqbal', 'IDN'],
  ['Siti', 'Rahayu', 'IDN'],
  ['Nur Aini', 'Lestari', 'IDN'],
  ['Agus', 'Setiawan', 'IDN'],
  ['Ramesh', 'Sharma', 'IND'],
  ['Rajesh', 'Kumar', 'IND'],
  ['Suresh', 'Kumar', 'IND'],
  ['Priya', 'Patel', 'IND'],
  ['Tun Tun', 'Aung', 'MMR'],
  ['Aung', 'Naing', 'MMR'],
  ['Kyaw Zin', 'Htun', 'MMR'],
  ['Thida', 'Win', 'MMR'],
];

type Item = DuplicateCandidateView;

/** A document number no other test uses. */
const documentNumber = () => `PD${randomInt(10_000_000, 99_999_999)}`;

describe('GET /people/duplicates', () => {
  let t: TestApp;
  let cw: SignedIn;
  let admin: SignedIn;
  /** The `b` record of each pair, by the pair's index. */
  const bIds: string[] = [];
  const unrelatedIds = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp();
    cw = await loginAs(t, 'caseworker');
    admin = await loginAs(t, 'admin');
    for (const v of variants) {
      const b = await createPerson(t, cw, {
        givenName: v.bGiven || undefined,
        familyName: v.bFamily || undefined,
        nationalities: [{ code: v.nationality || 'XXX' }],
      });
      bIds.push(b.id);
    }
    for (const [givenName, familyName, code] of UNRELATED) {
      const p = await createPerson(t, cw, { givenName, familyName, nationalities: [{ code }] });
      unrelatedIds.add(p.id);
    }
  });
  afterAll(() => t.close());

  async function search(query: Record<string, string>, user: SignedIn = cw): Promise<Item[]> {
    const res = await t.http().get(`${API}/people/duplicates`).query(query).set(user.auth);
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  }

  const ids = (items: Item[]) => items.map((i) => i.person.id);

  it('reads the pairs from the shared CSV file', () => {
    expect(variants.length).toBeGreaterThan(0);
    expect(bIds).toHaveLength(variants.length);
    expect(unrelatedIds.size).toBeGreaterThanOrEqual(30);
  });

  describe('spelling variants (shared/data/name-variants.csv)', () => {
    it.each(
      variants.map((v, i) => [`${v.aGiven} ${v.aFamily}`, `${v.bGiven} ${v.bFamily}`, v.why, i] as const),
    )('%s finds %s (%s), above every unrelated person', async (_a, _b, _why, index) => {
      const v = variants[index];
      const query: Record<string, string> = {};
      if (v.aGiven) query.givenName = v.aGiven;
      if (v.aFamily) query.familyName = v.aFamily;
      if (v.nationality) query.nationality = v.nationality;
      const items = await search(query);

      const b = items.find((i) => i.person.id === bIds[index]);
      expect(b).toBeDefined();
      const unrelated = items.filter((i) => unrelatedIds.has(i.person.id));
      const bestUnrelated = Math.max(0, ...unrelated.map((i) => i.score));
      expect(b!.score).toBeGreaterThan(bestUnrelated);
      // Ranked above them, not only scored above them.
      const bRank = ids(items).indexOf(bIds[index]);
      for (const u of unrelated) expect(bRank).toBeLessThan(ids(items).indexOf(u.person.id));
    });
  });

  describe('document number', () => {
    it('puts an exact document match first with score 1, however it is typed and whatever the names', async () => {
      const number = documentNumber();
      const typed = `${number.slice(0, 2)} ${number.slice(2, 5)}-${number.slice(5)}`;
      const holder = await createPerson(t, cw, {
        givenName: 'Bunma',
        familyName: 'Phromma',
        documentNumber: typed,
        nationalities: [{ code: 'LAO' }],
      });
      // The names are those of a CSV pair, which matches them well: the document still wins.
      const v = variants[0];
      const items = await search({
        givenName: v.aGiven,
        familyName: v.aFamily,
        nationality: v.nationality,
        documentNumber: ` ${number.toLowerCase().replace(/(\d{3})/, '$1-')} `,
      });
      expect(items[0].person.id).toBe(holder.id);
      expect(items[0].score).toBe(1);
      expect(items[0].reasons[0]).toBe('document_number');
      expect(items.slice(1).every((i) => i.score < 1)).toBe(true);
      expect(ids(items)).toContain(bIds[0]);
    });

    it('finds by document number alone', async () => {
      const number = documentNumber();
      const holder = await createPerson(t, cw, { documentNumber: number });
      const items = await search({ documentNumber: number.toLowerCase() });
      expect(items.map((i) => [i.person.id, i.score])).toEqual([[holder.id, 1]]);
    });
  });

  describe('names', () => {
    it('finds swapped given and family names', async () => {
      const p = await createPerson(t, cw, {
        givenName: 'Sokunthea',
        familyName: 'Chhorvy',
        nationalities: [{ code: 'KHM' }],
      });
      const items = await search({ givenName: 'Chhorvy', familyName: 'Sokunthea', nationality: 'KHM' });
      const hit = items.find((i) => i.person.id === p.id);
      expect(hit).toBeDefined();
      expect(hit!.reasons).toContain('name_swapped');
      expect(hit!.score).toBeGreaterThan(0.9);
      expect(items[0].person.id).toBe(p.id);
    });

    it('finds a person by the native-script name', async () => {
      const p = await createPerson(t, cw, {
        givenName: 'Sompong',
        familyName: 'Saetang',
        nameNative: 'สมปอง แซ่ตั้ง',
      });
      const items = await search({ nameNative: 'สมปอง แซ่ตั้ง' });
      const hit = items.find((i) => i.person.id === p.id);
      expect(hit).toBeDefined();
      expect(hit!.reasons).toContain('native_name');
      expect(hit!.person.nameNative).toBe('สมปอง แซ่ตั้ง');
    });

    it('finds the example of the brief, registered with its native name', async () => {
      const p = await createPerson(t, cw, {
        givenName: 'Somchay',
        familyName: 'Chaidee',
        nameNative: 'สมชาย ใจดี',
      });
      const items = await search({ nameNative: 'สมชาย ใจดี' });
      expect(ids(items)).toContain(p.id);
      expect(items.find((i) => i.person.id === p.id)!.reasons).toContain('native_name');
    });

    it('raises the score for the same date of birth above a conflicting one', async () => {
      const p = await createPerson(t, cw, {
        givenName: 'Chanthira',
        familyName: 'Boonyarat',
        dateOfBirth: '1994-08-17',
      });
      const query = { givenName: 'Chantira', familyName: 'Boonyarat' };
      const same = (await search({ ...query, dateOfBirth: '1994-08-17' })).find((i) => i.person.id === p.id);
      const other = (await search({ ...query, dateOfBirth: '1979-02-03' })).find((i) => i.person.id === p.id);
      expect(same).toBeDefined();
      expect(other).toBeDefined();
      expect(same!.reasons).toContain('date_of_birth');
      expect(other!.reasons).not.toContain('date_of_birth');
      expect(same!.score).toBeGreaterThan(other!.score);
    });
  });

  describe('evidence beyond names', () => {
    it('ranks agreement on date of birth, then nationality, above the same names alone, with no ties', async () => {
      const names = { givenName: 'Kanokwan', familyName: 'Phetcharat' };
      const dateOfBirth = '1992-04-12';
      const plain = await createPerson(t, cw, { ...names, nationalities: [{ code: 'XXX' }] });
      const sameNationality = await createPerson(t, cw, { ...names, nationalities: [{ code: 'THA' }] });
      const sameBirth = await createPerson(t, cw, {
        ...names,
        nationalities: [{ code: 'XXX' }],
        dateOfBirth,
      });
      const both = await createPerson(t, cw, { ...names, nationalities: [{ code: 'THA' }], dateOfBirth });
      const ours = [plain, sameNationality, sameBirth, both].map((p) => p.id);

      const items = (await search({ ...names, dateOfBirth, nationality: 'THA' })).filter((i) =>
        ours.includes(i.person.id),
      );
      expect(ids(items)).toEqual([both.id, sameBirth.id, sameNationality.id, plain.id]);
      const scores = items.map((i) => i.score);
      expect(new Set(scores).size).toBe(4);
      expect(scores.every((score) => score < 1)).toBe(true);
      expect(items[0].reasons).toEqual(['name', 'date_of_birth', 'nationality']);
      expect(items[3].reasons).toEqual(['name']);
    });
  });

  describe('result list', () => {
    it('returns at most 20, best first', async () => {
      // 25 people alike enough to be candidates for one query, in varied spellings.
      const family = 'Boonmeeprasert';
      const spellings = ['Malai', 'Malay', 'Mali', 'Malee', 'Malai Noi'];
      for (let i = 0; i < 25; i++) {
        await createPerson(t, cw, {
          givenName: spellings[i % spellings.length],
          familyName: i % 2 ? family : `${family}a`,
          dateOfBirth: i % 3 ? undefined : '1990-01-0' + ((i % 9) + 1),
        });
      }
      const items = await search({ givenName: 'Malai', familyName: family, dateOfBirth: '1990-01-01' });
      expect(items).toHaveLength(20);
      const scores = items.map((i) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(new Set(scores).size).toBeGreaterThan(1);
      for (const score of scores) {
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    });

    it('no longer shows an erased person', async () => {
      const number = documentNumber();
      const p = await createPerson(t, cw, {
        givenName: 'Ratchanee',
        familyName: 'Phothisan',
        nameNative: 'รัชนี โพธิสาร',
        documentNumber: number,
      });
      const query = { givenName: 'Ratchanee', familyName: 'Phothisan', nameNative: 'รัชนี โพธิสาร' };
      expect(ids(await search(query))).toContain(p.id);
      expect(ids(await search({ documentNumber: number }))).toContain(p.id);

      const erase = await t.http().delete(`${API}/people/${p.id}`).set(admin.auth);
      expect(erase.status).toBe(204);
      expect(ids(await search(query))).not.toContain(p.id);
      expect(ids(await search({ documentNumber: number }))).not.toContain(p.id);
      expect(ids(await search({ ...query, documentNumber: number }))).not.toContain(p.id);
    });

    it('audits every person shown', async () => {
      const v = variants[0];
      const items = await search({ givenName: v.aGiven, familyName: v.aFamily });
      expect(ids(items)).toContain(bIds[0]);
      const res = await t
        .http()
        .get(`${API}/audit`)
        .query({ action: 'person.duplicate_match', entityId: bIds[0], actorId: cw.id })
        .set(admin.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const entry of res.body.items) {
        expect(entry).toEqual(
          expect.objectContaining({
            action: 'person.duplicate_match',
            entityType: 'person',
            entityId: bIds[0],
            actorId: cw.id,
          }),
        );
      }
    });
  });

  describe('validation and access', () => {
    it.each([
      ['nothing at all', {}],
      ['only a nationality and a date of birth', { nationality: 'THA', dateOfBirth: '1990-01-01' }],
      ['a name of punctuation only', { givenName: '.', familyName: '-' }],
      ['an empty name', { givenName: '' }],
    ])('answers 400 VALIDATION_FAILED for %s', async (_label, query) => {
      const res = await t.http().get(`${API}/people/duplicates`).query(query).set(cw.auth);
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it.each([['ZZZ'], ['tha'], ['TH']])('answers 400 for the nationality %s', async (nationality) => {
      const res = await t
        .http()
        .get(`${API}/people/duplicates`)
        .query({ givenName: 'Somchai', nationality })
        .set(cw.auth);
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it.each([['analyst'], ['donor']] as const)('answers 403 to %s', async (role) => {
      const user = await loginAs(t, role);
      const res = await t
        .http()
        .get(`${API}/people/duplicates`)
        .query({ givenName: variants[0].aGiven, familyName: variants[0].aFamily })
        .set(user.auth);
      expectError(res, 403, 'FORBIDDEN');
      expect(res.body.items).toBeUndefined();
    });
  });
});
