import { parseNameQuery } from './name-query';

describe('parseNameQuery', () => {
  it('takes a case number for that case only', () => {
    expect(parseNameQuery(' 2026-000123 ')).toEqual({ caseNumber: '2026-000123', spellings: [] });
    expect(parseNameQuery('2026-0001').caseNumber).toBeUndefined();
  });

  it('keeps each typed word, in any order, with its spelling skeleton', () => {
    expect(parseNameQuery('Somchay  Jaide')).toEqual({
      spellings: [{ words: ['Somchay', 'Jaide'], keys: ['sumcai', 'caidi'] }],
    });
  });

  it('matches nobody for a query of punctuation only', () => {
    expect(parseNameQuery('% _ -')).toEqual({ spellings: [] });
  });

  it('adds the Latin readings of Thai and Chinese words, keeping the Latin ones as typed', () => {
    const thai = parseNameQuery('สมชาย Jaidee');
    expect(thai.spellings).toEqual([
      { words: ['สมชาย', 'Jaidee'], keys: ['สมชาย', 'caidi'] },
      { words: ['somchai', 'Jaidee'], keys: ['sumcai', 'caidi'] },
    ]);
    const chinese = parseNameQuery('王小明');
    expect(chinese.spellings.map((s) => s.words)).toEqual([
      ['王小明'],
      ['wang', 'xiao', 'ming'],
      ['wang', 'xiaoming'],
      ['wangxiaoming'],
    ]);
    expect(chinese.spellings[2].keys).toEqual(['wank', 'siaumink']);
  });

  it('reads at most eight words', () => {
    expect(parseNameQuery('a b c d e f g h i j').spellings[0].words).toHaveLength(8);
  });
});
