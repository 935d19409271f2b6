/**
 * The languages of the app. `complete`: every message translated (a test checks the catalogue
 * against English). `ready`: the catalogue file exists and is wired in; messages not yet translated
 * show in English until a translator fills them in (web/src/i18n/locales/<code>.json).
 * `intl` is the locale dates and numbers are formatted in.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English', intl: 'en-GB', status: 'complete' },
  { code: 'th', name: 'ไทย', intl: 'th-TH', status: 'complete' },
  { code: 'my', name: 'မြန်မာ', intl: 'my-MM', status: 'ready' },
  { code: 'km', name: 'ខ្មែរ', intl: 'km-KH', status: 'ready' },
  { code: 'vi', name: 'Tiếng Việt', intl: 'vi-VN', status: 'ready' },
  { code: 'id', name: 'Bahasa Indonesia', intl: 'id-ID', status: 'ready' },
  { code: 'tl', name: 'Tagalog', intl: 'fil-PH', status: 'ready' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export function isLanguage(code: string | null | undefined): code is LanguageCode {
  return LANGUAGES.some((l) => l.code === code);
}

export function intlLocale(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.intl ?? 'en-GB';
}
