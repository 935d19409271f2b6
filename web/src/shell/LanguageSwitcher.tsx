import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { isLanguage, LANGUAGES } from '../i18n/languages';

/** A native select: usable with a keyboard, a screen reader and a phone's own picker alike. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const options = (status: 'complete' | 'ready') =>
    LANGUAGES.filter((l) => l.status === status).map((l) => ({ value: l.code, label: l.name }));
  return (
    <NativeSelect
      id="language"
      aria-label={t('shell.language')}
      size="xs"
      w={{ base: 112, sm: 150 }}
      value={i18n.language}
      onChange={(event) => {
        const code = event.currentTarget.value;
        if (isLanguage(code)) void setLanguage(code);
      }}
      data={[
        { group: t('shell.languagesComplete'), items: options('complete') },
        { group: t('shell.languagesReady'), items: options('ready') },
      ]}
    />
  );
}
