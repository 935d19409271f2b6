import { SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIntakeFormContext } from './form';
import { scriptLanguage } from './scriptLanguage';

/**
 * Names in any script: the romanised given and family names as on documents or as told, and beside
 * them the name in the person's own script, marked with its language (guessed from the script) and
 * `dir="auto"` so Thai, Burmese or Arabic script shows and is read aloud as it should be.
 */
export function NameFields() {
  const { t } = useTranslation();
  const form = useIntakeFormContext();
  const native = form.getValues().nameNative;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('people.intake.fields.givenName')}
          description={t('people.intake.fields.romanisedHelp')}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('givenName')}
          key={form.key('givenName')}
        />
        <TextInput
          label={t('people.intake.fields.familyName')}
          description={t('people.intake.fields.romanisedHelp')}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('familyName')}
          key={form.key('familyName')}
        />
        <TextInput
          label={t('people.intake.fields.nameNative')}
          description={t('people.intake.fields.nameNativeHelp')}
          autoComplete="off"
          spellCheck={false}
          lang={scriptLanguage(native)}
          dir="auto"
          {...form.getInputProps('nameNative')}
          key={form.key('nameNative')}
        />
      </SimpleGrid>
      <TagsInput
        label={t('people.intake.fields.aliases')}
        description={t('people.intake.fields.aliasesHelp')}
        autoComplete="off"
        clearable={false}
        {...form.getInputProps('aliases')}
        key={form.key('aliases')}
      />
    </Stack>
  );
}
