import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useIntakeFormContext } from './form';
import { UNSPECIFIED_NATIONALITY } from './intakeValues';
import { useNationalities } from '../../reference/useReferenceData';

/**
 * Nationalities (a dual national has several; "not known yet" when nobody knows), named in the
 * reader's language from the browser's own data, found by typing a few letters.
 */
export function NationalityPicker() {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const form = useIntakeFormContext();
  const nationalities = useNationalities();

  // ~250 names from Intl, sorted: made once per language, not at every keystroke elsewhere in the form.
  const language = i18n.language;
  const data = useMemo(() => {
    const collator = new Intl.Collator(language);
    return (nationalities.data ?? [])
      .map(({ code }) => ({
        value: code,
        label:
          code === UNSPECIFIED_NATIONALITY ? t('people.intake.fields.nationalityUnknown') : country(code),
      }))
      .sort((a, b) => collator.compare(a.label, b.label));
    // `country` and `t` follow the language, which is in the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nationalities.data, language]);

  return (
    <MultiSelect
      label={t('people.intake.fields.nationalities')}
      description={t('people.intake.fields.nationalitiesHelp')}
      withAsterisk
      searchable
      hidePickedOptions
      maxDropdownHeight={260}
      nothingFoundMessage={t('people.intake.fields.nothingFound')}
      placeholder={
        nationalities.isPending ? t('common.loading') : t('people.intake.fields.nationalitiesPlaceholder')
      }
      disabled={nationalities.isError}
      data={data}
      comboboxProps={{ withinPortal: true }}
      {...form.getInputProps('nationalities')}
      key={form.key('nationalities')}
    />
  );
}
