import { DuplicateCandidate, nameSimilarity, scoreCandidate, similarity, trigrams } from './scoring';

function candidate(overrides: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return {
    givenName: null,
    familyName: null,
    nameNative: null,
    aliases: [],
    dateOfBirth: null,
    nationalities: [],
    documentMatch: false,
    ...overrides,
  };
}

describe('trigrams and similarity (as pg_trgm)', () => {
  it('pads each word with two spaces before and one after', () => {
    expect([...trigrams('word')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor'].sort());
  });

  it('counts characters, not UTF-16 units, outside the Basic Multilingual Plane', () => {
    expect(trigrams('𠀀𠀁').size).toBe(3);
  });

  it('is shared over all trigrams', () => {
    expect(similarity('word', 'word')).toBe(1);
    expect(similarity('word', '')).toBe(0);
    // "word" and "wore" share "  w", " wo", "wor" of 7 distinct trigrams.
    expect(similarity('word', 'wore')).toBeCloseTo(3 / 7, 5);
  });
});

describe('nameSimilarity', () => {
  it('scores the same spelling 1, ignoring case and accents', () => {
    expect(nameSimilarity('Thị Lan', 'thi lan')).toBe(1);
    expect(nameSimilarity('Đức Minh', 'Duc Minh')).toBe(1);
  });

  it('scores a romanisation variant high, but below the same spelling', () => {
    const variant = nameSimilarity('Somchai', 'Somchay');
    expect(variant).toBeGreaterThanOrEqual(0.9);
    expect(variant).toBeLessThan(1);
  });

  it('forgives spacing inside a name', () => {
    expect(nameSimilarity('Dela Cruz', 'Delacruz')).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('Nur Haliza', 'Nurhaliza')).toBeGreaterThanOrEqual(0.9);
  });

  it('takes "Ma." for an abbreviation of "Maria"', () => {
    const abbreviated = nameSimilarity('Ma. Cristina', 'Maria Cristina');
    expect(abbreviated).toBeGreaterThanOrEqual(0.85);
    expect(abbreviated).toBeLessThan(nameSimilarity('Maria Cristina', 'Maria Cristina'));
    // Symmetric: the abbreviation may be on either side.
    expect(nameSimilarity('Maria Cristina', 'Ma. Cristina')).toBe(abbreviated);
  });

  it('does not take a longer name for an abbreviation without a dot', () => {
    expect(nameSimilarity('Juan', 'Juana')).toBeLessThan(0.85);
    expect(nameSimilarity('Van An', 'Van Anh')).toBeLessThan(0.85);
    expect(nameSimilarity('Ma Cristina', 'Maria Cristina')).toBeGreaterThanOrEqual(0.85);
    expect(nameSimilarity('Ana Cristina', 'Anabel Cristina')).toBeLessThan(
      nameSimilarity('Ma. Cristina', 'Maria Cristina'),
    );
  });

  it('scores unrelated names low and missing names 0', () => {
    expect(nameSimilarity('Somchai', 'Kittisak')).toBeLessThan(0.2);
    expect(nameSimilarity('Somchai', null)).toBe(0);
    expect(nameSimilarity(undefined, 'Somchai')).toBe(0);
    expect(nameSimilarity('.', 'Somchai')).toBe(0);
  });
});

describe('scoreCandidate', () => {
  it('ranks transliteration variants above a person who shares only the given name', () => {
    const q = { givenName: 'Somchai', familyName: 'Jaidee', nationality: 'THA' };
    const variant = scoreCandidate(
      q,
      candidate({ givenName: 'Somchay', familyName: 'Jaide', nationalities: ['THA'] }),
    );
    const namesake = scoreCandidate(
      q,
      candidate({ givenName: 'Somchai', familyName: 'Wongsawat', nationalities: ['THA'] }),
    );
    expect(variant.score).toBeGreaterThan(0.9);
    expect(variant.reasons).toEqual(['name', 'nationality']);
    expect(namesake.score).toBeLessThan(0.7);
    expect(variant.score).toBeGreaterThan(namesake.score);
  });

  it('finds swapped given and family names, just below the same order', () => {
    const q = { givenName: 'Van An', familyName: 'Nguyen' };
    const swapped = scoreCandidate(q, candidate({ givenName: 'Nguyen', familyName: 'Van An' }));
    const same = scoreCandidate(q, candidate({ givenName: 'Van An', familyName: 'Nguyen' }));
    expect(swapped.score).toBeGreaterThan(0.9);
    expect(swapped.reasons).toContain('name_swapped');
    expect(same.reasons).toContain('name');
    expect(same.score).toBeGreaterThan(swapped.score);
  });

  it('ranks the swapped name above another person with a near name in the same order', () => {
    const q = { givenName: 'Van An', familyName: 'Nguyen', nationality: 'VNM' };
    const swapped = scoreCandidate(
      q,
      candidate({ givenName: 'Nguyen', familyName: 'Van An', nationalities: ['VNM'] }),
    );
    const other = scoreCandidate(
      q,
      candidate({ givenName: 'Van Anh', familyName: 'Nguyen', nationalities: ['VNM'] }),
    );
    expect(swapped.score - other.score).toBeGreaterThan(0.05);
  });

  it('finds swapped names with a different romanisation', () => {
    const swapped = scoreCandidate(
      { givenName: 'Wei', familyName: 'Zhang' },
      candidate({ givenName: 'Zhang', familyName: 'Wei' }),
    );
    expect(swapped.score).toBeGreaterThan(0.9);
    expect(swapped.reasons).toEqual(['name_swapped']);
  });

  it('handles "Ma." for "Maria", "Dela Cruz" for "Delacruz" and "Nur Haliza" for "Nurhaliza"', () => {
    expect(
      scoreCandidate(
        { givenName: 'Maria Cristina', familyName: 'Santos' },
        candidate({ givenName: 'Ma. Cristina', familyName: 'Santos' }),
      ).score,
    ).toBeGreaterThan(0.9);
    expect(
      scoreCandidate(
        { givenName: 'Juan', familyName: 'Dela Cruz' },
        candidate({ givenName: 'Juan', familyName: 'Delacruz' }),
      ).score,
    ).toBeGreaterThan(0.9);
    expect(
      scoreCandidate(
        { givenName: 'Nur Haliza', familyName: 'Siti' },
        candidate({ givenName: 'Nurhaliza', familyName: 'Siti' }),
      ).score,
    ).toBeGreaterThan(0.9);
  });

  it('finds a name split differently between the fields', () => {
    const c = candidate({ givenName: 'Maria', familyName: 'Cristina Santos' });
    expect(scoreCandidate({ givenName: 'Maria Cristina', familyName: 'Santos' }, c).score).toBeGreaterThan(
      0.9,
    );
  });

  it('always scores a document match 1, names that differ completely included', () => {
    const c = candidate({
      givenName: 'Kittisak',
      familyName: 'Chaiyaporn',
      documentMatch: true,
      nationalities: ['THA'],
    });
    const result = scoreCandidate(
      { givenName: 'Maria', familyName: 'Santos', nationality: 'PHL', dateOfBirth: '1990-01-01' },
      { ...c, dateOfBirth: '1970-12-31' },
    );
    expect(result.score).toBe(1);
    expect(result.reasons[0]).toBe('document_number');
  });

  it('keeps every score without a document match below 1', () => {
    const q = { givenName: 'Somchai', familyName: 'Jaidee', dateOfBirth: '1990-05-01', nationality: 'THA' };
    const exact = scoreCandidate(
      q,
      candidate({
        givenName: 'Somchai',
        familyName: 'Jaidee',
        dateOfBirth: '1990-05-01',
        nationalities: ['THA'],
      }),
    );
    expect(exact.score).toBeLessThan(1);
    expect(exact.score).toBeGreaterThanOrEqual(0.95);
    expect(exact.reasons).toEqual(['name', 'date_of_birth', 'nationality']);
  });

  it('ranks agreement on date of birth or nationality above the same names alone, with no ties at a cap', () => {
    const names = { givenName: 'Somchai', familyName: 'Jaidee' };
    const q = { ...names, dateOfBirth: '1990-05-01', nationality: 'THA' };
    // Nationality unspecified (XXX) unless given: neither agreement nor conflict.
    const score = (c: Partial<DuplicateCandidate>) =>
      scoreCandidate(q, candidate({ ...names, nationalities: ['XXX'], ...c })).score;
    const namesOnly = score({});
    const nationality = score({ nationalities: ['THA'] });
    const dateOfBirth = score({ dateOfBirth: '1990-05-01' });
    const both = score({ dateOfBirth: '1990-05-01', nationalities: ['THA'] });
    expect(namesOnly).toBeLessThan(nationality);
    expect(nationality).toBeLessThan(dateOfBirth);
    expect(dateOfBirth).toBeLessThan(both);
    expect(both).toBeLessThan(1);
    // The same holds for a spelling variant: agreement lifts it, and it stays below the exact names.
    const variant = { givenName: 'Somchay', familyName: 'Jaide' };
    const variantScore = (c: Partial<DuplicateCandidate>) =>
      scoreCandidate(q, candidate({ ...variant, nationalities: ['XXX'], ...c })).score;
    expect(variantScore({})).toBeLessThan(variantScore({ dateOfBirth: '1990-05-01' }));
    expect(variantScore({ dateOfBirth: '1990-05-01', nationalities: ['THA'] })).toBeLessThan(both);
  });

  it('raises the score for the same date of birth and lowers it for a conflicting one', () => {
    const names = { givenName: 'Siriporn', familyName: 'Srisuk' };
    const variant = { givenName: 'Siriphon', familyName: 'Srisook' };
    const same = scoreCandidate(
      { ...names, dateOfBirth: '1995-02-03' },
      candidate({ ...variant, dateOfBirth: '1995-02-03' }),
    );
    const none = scoreCandidate(names, candidate({ ...variant, dateOfBirth: '1995-02-03' }));
    const swappedDayMonth = scoreCandidate(
      { ...names, dateOfBirth: '1995-03-02' },
      candidate({ ...variant, dateOfBirth: '1995-02-03' }),
    );
    const sameYear = scoreCandidate(
      { ...names, dateOfBirth: '1995-09-20' },
      candidate({ ...variant, dateOfBirth: '1995-02-03' }),
    );
    const conflicting = scoreCandidate(
      { ...names, dateOfBirth: '1980-07-14' },
      candidate({ ...variant, dateOfBirth: '1995-02-03' }),
    );
    expect(same.reasons).toContain('date_of_birth');
    expect(same.score).toBeGreaterThan(none.score);
    expect(none.score).toBeGreaterThan(swappedDayMonth.score);
    expect(swappedDayMonth.score).toBeGreaterThan(sameYear.score);
    expect(sameYear.score).toBeGreaterThan(conflicting.score);
    expect(conflicting.reasons).not.toContain('date_of_birth');
  });

  it('raises the score for a shared nationality, lowers it for another, not for an unknown one', () => {
    const q = { givenName: 'Ramesh', familyName: 'Kumar', nationality: 'IND' };
    const names = { givenName: 'Ramesh', familyName: 'Kumaar' };
    const shared = scoreCandidate(q, candidate({ ...names, nationalities: ['IND'] }));
    const dual = scoreCandidate(q, candidate({ ...names, nationalities: ['IND', 'MMR'] }));
    const unknown = scoreCandidate(q, candidate({ ...names, nationalities: ['XXX'] }));
    const other = scoreCandidate(q, candidate({ ...names, nationalities: ['NPL'] }));
    expect(shared.reasons).toContain('nationality');
    expect(dual.score).toBe(shared.score);
    expect(shared.score).toBeGreaterThan(unknown.score);
    expect(unknown.score).toBeGreaterThan(other.score);
    expect(other.reasons).not.toContain('nationality');
  });

  it('matches on the native-script name', () => {
    const result = scoreCandidate(
      { nameNative: 'สมชาย ใจดี' },
      candidate({ givenName: 'Somchay', familyName: 'Jaide', nameNative: 'สมชาย  ใจดี' }),
    );
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.reasons).toEqual(['native_name']);
    expect(
      scoreCandidate({ nameNative: 'สมชาย ใจดี' }, candidate({ nameNative: 'กิตติศักดิ์ ชัยพร' })).score,
    ).toBeLessThan(0.45);
  });

  it('matches on an alias, below the same name in the name fields', () => {
    const q = { givenName: 'Nong', familyName: 'May' };
    const alias = scoreCandidate(
      q,
      candidate({ givenName: 'Siriporn', familyName: 'Srisuk', aliases: ['Nong May'] }),
    );
    const named = scoreCandidate(q, candidate({ givenName: 'Nong', familyName: 'May' }));
    expect(alias.reasons).toEqual(['alias']);
    expect(alias.score).toBeGreaterThan(0.9);
    expect(named.score).toBeGreaterThan(alias.score);
  });

  it('scores with a given name only', () => {
    const result = scoreCandidate(
      { givenName: 'Kittisak' },
      candidate({ givenName: 'Kittisak', familyName: 'Chaiyaporn' }),
    );
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.reasons).toEqual(['name']);
  });

  it('scores unrelated people low', () => {
    const result = scoreCandidate(
      { givenName: 'Somchai', familyName: 'Jaidee', nationality: 'THA' },
      candidate({ givenName: 'Kittisak', familyName: 'Chaiyaporn', nationalities: ['THA'] }),
    );
    expect(result.score).toBeLessThan(0.45);
    expect(result.reasons).toEqual(['nationality']);
  });
});
