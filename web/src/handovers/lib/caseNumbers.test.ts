import { describe, expect, it } from 'vitest';
import { parseCaseNumbers } from './caseNumbers';

describe('parsing pasted case numbers', () => {
  it('reads one a line, with spaces and Windows line ends', () => {
    expect(parseCaseNumbers(' 2023-000001\r\n2023-000002 \n\n2024-000310\n').numbers).toEqual([
      '2023-000001',
      '2023-000002',
      '2024-000310',
    ]);
  });

  it('reads comma, semicolon and tab separated lists, and a spreadsheet column in quotes', () => {
    const { numbers, invalid } = parseCaseNumbers('2023-000001, 2023-000002;2023-000003\t"2023-000004"');
    expect(numbers).toEqual(['2023-000001', '2023-000002', '2023-000003', '2023-000004']);
    expect(invalid).toEqual([]);
  });

  it('keeps each number once, in the order first pasted', () => {
    expect(parseCaseNumbers('2023-000002\n2023-000001\n2023-000002').numbers).toEqual([
      '2023-000002',
      '2023-000001',
    ]);
  });

  it('accepts serials longer than six digits', () => {
    expect(parseCaseNumbers('2025-1000001').numbers).toEqual(['2025-1000001']);
  });

  it('names what cannot be a case number, once each', () => {
    const { numbers, invalid } = parseCaseNumbers('2023-00001\nabc\n2023-000009\nabc\n23-000001');
    expect(numbers).toEqual(['2023-000009']);
    expect(invalid).toEqual(['2023-00001', 'abc', '23-000001']);
  });

  it('gives nothing for an empty box', () => {
    expect(parseCaseNumbers(' \n , ')).toEqual({ numbers: [], invalid: [] });
  });
});
