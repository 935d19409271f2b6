import { Badge, Checkbox, Group, MultiSelect, Stack, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../i18n/languageNames';
import { useIntakeFormContext } from './form';
import { VULNERABILITIES } from '../caseValues';

/**
 * Languages the person speaks, offered from those most heard at the shelters (BCP 47 tags, named by
 * the browser in the reader's language, so no list of names is translated by hand).
 */
const LANGUAGES = [
  'th',
  'my',
  'km',
  'lo',
  'vi',
  'zh',
  'id',
  'ms',
  'fil',
  'en',
  'hi',
  'ta',
  'si',
  'sw',
  'shn',
];

/** Vulnerabilities, languages and the person's own account (sensitive). */
export function NeedsFields() {
  const { t, i18n } = useTranslation();
  const form = useIntakeFormContext();
  const language = i18n.language;
  // A record edited later may hold a language the list does not offer: keep it offered, or the
  // picker would drop it unseen.
  const chosen = form.getValues().languages;
  const languages = useMemo(
    () =>
      [...new Set([...LANGUAGES, ...chosen])].map((tag) => ({
        value: tag,
        label: languageName(tag, language),
      })),
    [language, chosen],
  );
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t('people.intake.fields.vulnerabilities')}
        description={t('people.intake.fields.vulnerabilitiesHelp')}
        {...form.getInputProps('vulnerabilities')}
        key={form.key('vulnerabilities')}
      >
        <Group gap="md" mt={4}>
          {VULNERABILITIES.map((v) => (
            <Checkbox key={v} value={v} label={t(`people.intake.vulnerability.${v}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect
        label={t('people.intake.fields.languages')}
        searchable
        data={languages}
        nothingFoundMessage={t('people.intake.fields.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('languages')}
        key={form.key('languages')}
      />
      <Textarea
        label={
          <Group gap="xs" component="span" wrap="wrap">
            <span>{t('people.intake.fields.narrative')}</span>
            <Badge color="red" variant="filled" component="span">
              {t('people.intake.sensitive')}
            </Badge>
          </Group>
        }
        description={t('people.intake.fields.narrativeHelp')}
        autosize
        minRows={3}
        maxRows={12}
        {...form.getInputProps('narrative')}
        key={form.key('narrative')}
      />
    </Stack>
  );
}
