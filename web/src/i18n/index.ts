import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import { DEFAULT_LANGUAGE, isLanguage, type LanguageCode } from './languages';

/**
 * One catalogue per language (locales/<code>.json), one namespace, keys prefixed by feature:
 * `common.*`, `shell.*`, `auth.*`, `people.*`, `handovers.*`, `consular.*`, `reports.*`, `admin.*`.
 * English is in the first download and is the fallback of every missing key; the other catalogues
 * are loaded when chosen, so adding a language costs a first visit nothing.
 */
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>([
  './locales/*.json',
  '!./locales/en.json',
]);

/** The choice of language is the only thing the app keeps in the browser's storage. */
const STORAGE_KEY = 'safe-return.language';

function savedLanguage(): LanguageCode {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage refused (private mode): the default then.
  }
  const browser = navigator.language?.slice(0, 2);
  return isLanguage(browser) ? browser : DEFAULT_LANGUAGE;
}

async function loadCatalogue(code: LanguageCode): Promise<void> {
  if (code === 'en' || i18next.hasResourceBundle(code, 'translation')) return;
  const load = catalogues[`./locales/${code}.json`];
  if (!load) return;
  i18next.addResourceBundle(code, 'translation', (await load()).default, true, true);
}

export async function setLanguage(code: LanguageCode): Promise<void> {
  await loadCatalogue(code);
  await i18next.changeLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not kept: the choice lasts for this page only.
  }
}

function applyToDocument(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = 'ltr';
}

export async function initI18n(initial: LanguageCode = savedLanguage()): Promise<typeof i18next> {
  i18next.on('languageChanged', applyToDocument);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyToDocument(DEFAULT_LANGUAGE);
  if (initial !== DEFAULT_LANGUAGE) await setLanguage(initial);
  return i18next;
}

export { i18next };
