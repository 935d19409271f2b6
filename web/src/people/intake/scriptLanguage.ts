/**
 * The language tag to put on a name written in a script of its own, so a screen reader reads
 * "สมชาย" in Thai and the browser picks a Thai face. Guessed from the script, since the person's
 * language is not always known at intake; `undefined` (inherit) for Latin letters and for scripts
 * shared by many languages (Arabic, Cyrillic), where `dir="auto"` still gets the direction right.
 */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Sinhala}/u, 'si'],
];

export function scriptLanguage(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  return SCRIPTS.find(([pattern]) => pattern.test(text))?.[1];
}
