import { useTranslation } from 'react-i18next';
import { intlLocale } from './languages';

/**
 * A spoken language's name in the reader's language (`my` → "Burmese", "พม่า"), from the browser's own
 * data, so no list of names is translated by hand; the BCP 47 tag itself when the browser has none.
 */
export function languageName(tag: string, language: string): string {
  try {
    return (
      new Intl.DisplayNames([intlLocale(language)], { type: 'language', fallback: 'code' }).of(tag) ?? tag
    );
  } catch {
    return tag;
  }
}

/** `languageName` bound to the language on screen. */
export function useLanguageName(): (tag: string) => string {
  const { i18n } = useTranslation();
  return (tag) => languageName(tag, i18n.language);
}
