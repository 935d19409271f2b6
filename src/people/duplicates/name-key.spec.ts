import { foldName, nameKey, skeleton, skeletonWord } from './name-key';

describe('foldName', () => {
  it('lower-cases and drops Vietnamese diacritics, Đ included', () => {
    expect(foldName('Đức Minh Trần')).toBe('duc minh tran');
    expect(foldName('ĐẶNG Thị Phạm')).toBe('dang thi pham');
    expect(foldName('Nguyễn Văn Ân')).toBe('nguyen van an');
    expect(foldName('Thị Lan Phạm')).toBe(foldName('Thi Lan Pham'));
  });

  it('folds letters Unicode does not decompose', () => {
    expect(foldName('Søren Łukasz Strauß')).toBe('soren lukasz strauss');
  });

  it('gives the same result for precomposed and decomposed input', () => {
    const precomposed = 'Phạm Đức'.normalize('NFC');
    const decomposed = 'Phạm Đức'.normalize('NFD');
    expect(decomposed).not.toBe(precomposed);
    expect(foldName(decomposed)).toBe(foldName(precomposed));
  });

  it('turns punctuation and runs of spaces into single spaces, trimmed', () => {
    expect(foldName('  Ma.  Cristina ')).toBe('ma cristina');
    expect(foldName("Dela-Cruz O'Neil")).toBe('dela cruz o neil');
    expect(foldName('...')).toBe('');
  });

  it('keeps the vowel and tone marks of non-Latin scripts', () => {
    expect(foldName('สมชาย ใจดี')).toBe('สมชาย ใจดี');
    expect(foldName('สมศักดิ์')).toBe('สมศักดิ์');
    expect(foldName('ထွန်းထွန်း')).toBe('ထွန်းထွန်း');
    expect(foldName('สมชาย ใจดี')).not.toBe(foldName('สมชาย ใจด'));
  });
});

describe('skeleton', () => {
  it.each([
    ['Somchai', 'Somchay'],
    ['Jaidee', 'Jaide'],
    ['Siriporn', 'Siriphon'],
    ['Srisuk', 'Srisook'],
    ['Nattapong', 'Natthaphong'],
    ['Wongsawat', 'Wongsawad'],
    ['Chaiyaporn', 'Chaiyaphon'],
    ['Rizky', 'Rizki'],
    ['Muhammad', 'Mohammad'],
    ['Kumar', 'Kumaar'],
    ['Tun', 'Htun'],
    ['Pham', 'Phạm'],
    ['Duc', 'Đức'],
    ['Sukarno', 'Soekarno'],
    ['Joko', 'Djoko'],
    ['Su', 'Hsu'],
  ])('%s and %s share a skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it.each([
    ['Somchai', 'Somsak'],
    ['Juan', 'Juana'],
    ['Lan', 'Linh'],
    ['Naing', 'Aung'],
    ['Wei', 'Wu'],
  ])('%s and %s stay apart', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  it('applies the rules to each word, keeping word order', () => {
    expect(skeleton('Somchai Jaidee')).toBe('sumcai caidi');
    expect(skeleton('Htun Htun Naing')).toBe('tun tun naink');
    expect(skeletonWord('natthaphong')).toBe('natapunk');
  });

  it('drops "h" only at the start of a word', () => {
    expect(skeletonWord('htet')).toBe('tet');
    expect(skeletonWord('aht')).not.toBe(skeletonWord('at'));
  });

  it('is empty for no name', () => {
    expect(skeleton(null)).toBe('');
    expect(skeleton(undefined)).toBe('');
    expect(skeleton(' - ')).toBe('');
  });
});

describe('nameKey', () => {
  it('joins the skeletons of given name, family name and aliases', () => {
    expect(nameKey({ givenName: 'Somchai', familyName: 'Jaidee', aliases: ['Chai'] })).toBe(
      'sumcai caidi cai',
    );
  });

  it('is the same for romanisation variants', () => {
    expect(nameKey({ givenName: 'Somchay', familyName: 'Jaide' })).toBe(
      nameKey({ givenName: 'Somchai', familyName: 'Jaidee' }),
    );
    expect(nameKey({ givenName: 'Đức Minh', familyName: 'Trần' })).toBe(
      nameKey({ givenName: 'Duc Minh', familyName: 'Tran' }),
    );
  });

  it('leaves blanks out and is null without any name', () => {
    expect(nameKey({ givenName: null, familyName: 'Santos' })).toBe('santus');
    expect(nameKey({ givenName: '', familyName: null, aliases: [] })).toBeNull();
    expect(nameKey({})).toBeNull();
  });
});
