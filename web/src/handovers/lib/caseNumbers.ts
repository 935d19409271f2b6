/** A case number as the API writes it (`2023-000123`; the serial may grow past six digits). */
const CASE_NUMBER = /^\d{4}-\d{6,}$/;

export interface ParsedCaseNumbers {
  /** Well-formed numbers, each once, in the order pasted. */
  numbers: string[];
  /** What was pasted that cannot be a case number, each once, as typed. */
  invalid: string[];
}

/**
 * Case numbers pasted from a spreadsheet, an email or a printed list: one a line, or separated by
 * commas, semicolons, tabs or spaces. Stray quotes and bullets around them are dropped; repeats
 * count once (a list pasted twice must not put anyone twice in the event).
 */
export function parseCaseNumbers(text: string): ParsedCaseNumbers {
  const numbers: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const token = raw.replace(/^["'•*·([]+|["'.)\]]+$/g, '');
    if (!token) continue;
    const list = CASE_NUMBER.test(token) ? numbers : invalid;
    if (!list.includes(token)) list.push(token);
  }
  return { numbers, invalid };
}
