import { StreamableFile } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';

/** Spreadsheets run a cell that starts like a formula: such text is prefixed with a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralise = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export type CsvCell = string | number | null;

/**
 * Rows streamed as a CSV download through csv-stringify, every text cell neutralised. Rows may be a
 * generator: a large export is written as it is produced, never held whole.
 */
export function csvFile(name: string, rows: Iterable<CsvCell[]>): StreamableFile {
  const csv = Readable.from(rows, { objectMode: true }).pipe(
    stringify({ cast: { string: (value) => neutralise(value) }, eof: true }),
  );
  return new StreamableFile(csv, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}
