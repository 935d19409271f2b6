import codes from 'i18n-iso-countries/codes.json';
import { useTranslation } from 'react-i18next';
import { intlLocale } from './languages';

/** The API speaks ISO 3166-1 alpha-3 (`THA`); the browser's Intl names regions by alpha-2 (`TH`). */
const ALPHA2 = new Map((codes as string[][]).map(([alpha2, alpha3]) => [alpha3, alpha2]));

/** The API's code for a stateless person (API.md "Conventions"). */
export const STATELESS = 'XXA';

/**
 * A country's or nationality's name in the reader's language (`THA` → "Thailand", "ไทย"), from the
 * browser's own data, so no list of names is downloaded or translated by hand. `undefined` for a code
 * no one knows: the caller shows the code itself.
 */
export function countryName(alpha3: string, language: string): string | undefined {
  const alpha2 = ALPHA2.get(alpha3.toUpperCase());
  if (!alpha2) return undefined;
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'region', fallback: 'none' }).of(alpha2);
  } catch {
    return undefined;
  }
}

/** `country('THA')` → "Thailand", in the language on screen; "Stateless" for XXA. */
export function useCountryName(): (alpha3: string) => string {
  const { t, i18n } = useTranslation();
  return (alpha3) =>
    alpha3 === STATELESS
      ? t('common.stateless')
      : (countryName(alpha3, i18n.language) ?? t('common.unknownCountry', { code: alpha3 }));
}
