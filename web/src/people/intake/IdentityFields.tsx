import {
  Group,
  Input,
  NumberInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIntakeFormContext } from './form';
import { SEXES } from './intakeValues';
import { NationalityPicker } from './NationalityPicker';

const today = () => new Date().toISOString().slice(0, 10);

/** Sex, age (a date of birth or an estimate, never both), nationalities and the document number. */
export function IdentityFields() {
  const { t } = useTranslation();
  const form = useIntakeFormContext();
  const ageBy = form.getValues().ageBy;
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('people.intake.fields.sex')}
        withAsterisk
        {...form.getInputProps('sex')}
        key={form.key('sex')}
      >
        <Group gap="md" mt={4}>
          {SEXES.map((sex) => (
            <Radio key={sex} value={sex} label={t(`people.intake.sex.${sex}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Stack gap={4}>
        <Input.Label component="span" id="age-by-label">
          {t('people.intake.fields.ageBy')}
        </Input.Label>
        <SegmentedControl
          aria-labelledby="age-by-label"
          fullWidth
          data={[
            { value: 'dateOfBirth', label: t('people.intake.fields.dateOfBirth') },
            { value: 'estimatedAge', label: t('people.intake.fields.estimatedAge') },
          ]}
          {...form.getInputProps('ageBy')}
          key={form.key('ageBy')}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {ageBy === 'dateOfBirth' ? (
          <TextInput
            type="date"
            label={t('people.intake.fields.dateOfBirth')}
            max={today()}
            min="1900-01-01"
            {...form.getInputProps('dateOfBirth')}
            key={form.key('dateOfBirth')}
          />
        ) : (
          <NumberInput
            label={t('people.intake.fields.estimatedAgeYears')}
            min={0}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            {...form.getInputProps('estimatedAge')}
            key={form.key('estimatedAge')}
          />
        )}
        <TextInput
          label={t('people.intake.fields.documentNumber')}
          description={t('people.intake.fields.documentNumberHelp')}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('documentNumber')}
          key={form.key('documentNumber')}
        />
      </SimpleGrid>
      <NationalityPicker />
    </Stack>
  );
}
