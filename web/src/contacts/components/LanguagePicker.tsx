import { MultiSelect, Pill } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../i18n/languageNames';
import { LANGUAGE_TAG } from './contactForm';

/** The languages consular officers of the region most often work in, offered first (BCP 47). */
const COMMON = [
  'en',
  'th',
  'my',
  'km',
  'lo',
  'vi',
  'zh',
  'id',
  'ms',
  'fil',
  'tl',
  'hi',
  'si',
  'ne',
  'ja',
  'ko',
];

interface Props {
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string;
}

/**
 * Languages by name in the reader's language (the browser names each tag). A tag not offered can be
 * typed as it is (e.g. `ceb`): it is offered as soon as it is a well-formed BCP 47 tag.
 */
export function LanguagePicker({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const language = i18n.language;
  const typed = search.trim();
  const data = useMemo(() => {
    const tags = new Set([...COMMON, ...value]);
    if (LANGUAGE_TAG.test(typed)) tags.add(typed);
    return [...tags].map((tag) => ({ value: tag, label: `${languageName(tag, language)} (${tag})` }));
  }, [value, typed, language]);
  return (
    <MultiSelect
      label={t('contacts.fields.languages')}
      description={t('contacts.fields.languagesHint')}
      data={data}
      value={value}
      onChange={(tags) => (setSearch(''), onChange(tags))}
      searchValue={search}
      onSearchChange={setSearch}
      searchable
      hidePickedOptions
      error={error}
      nothingFoundMessage={t('contacts.fields.noLanguage')}
      comboboxProps={{ withinPortal: true }}
      // Mantine's own pill has a remove button with no name; this one says which language it removes.
      renderPill={({ option, value: tag, onRemove }) => (
        <Pill
          withRemoveButton
          onRemove={onRemove}
          removeButtonProps={{
            'aria-label': t('contacts.fields.removeLanguage', { language: option?.label ?? tag ?? '' }),
          }}
        >
          {option?.label ?? tag ?? ''}
        </Pill>
      )}
    />
  );
}
