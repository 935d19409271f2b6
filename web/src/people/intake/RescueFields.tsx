import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompoundDialog } from '../../reference/compounds/CompoundDialog';
import { useCountryName } from '../../i18n/countries';
import { useIntakeFormContext } from './form';
import { localDateTimeValue, RECRUITED_VIA } from './intakeValues';
import { useCompounds } from '../../reference/useReferenceData';

/** When and where the person was found, the compound that held them, how they were recruited. */
export function RescueFields() {
  const { t } = useTranslation();
  const country = useCountryName();
  const form = useIntakeFormContext();
  const compounds = useCompounds();
  // What was typed in the picker: the likely name of a compound not yet in the list.
  const [typed, setTyped] = useState('');
  const [registering, setRegistering] = useState<string | undefined>();
  const now = localDateTimeValue(new Date());
  const compoundOptions = (compounds.data ?? []).map((c) => ({
    value: c.id,
    label: [c.name, c.town, country(c.countryCode)].filter(Boolean).join(' · '),
  }));

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="datetime-local"
          label={t('people.intake.fields.rescuedAt')}
          description={t('people.intake.fields.rescuedAtHelp')}
          withAsterisk
          max={now}
          {...form.getInputProps('rescuedAt')}
          key={form.key('rescuedAt')}
        />
        <TextInput
          label={t('people.intake.fields.rescuePlace')}
          autoComplete="off"
          {...form.getInputProps('rescuePlace')}
          key={form.key('rescuePlace')}
        />
      </SimpleGrid>
      <Select
        label={t('people.intake.fields.compound')}
        description={t('people.intake.fields.compoundHelp')}
        searchable
        clearable
        nothingFoundMessage={t('people.intake.fields.nothingFound')}
        placeholder={
          compounds.isPending ? t('common.loading') : t('people.intake.fields.compoundPlaceholder')
        }
        data={compoundOptions}
        comboboxProps={{ withinPortal: true }}
        // What the caseworker typed (the picker's own resets of its text, on blur or choice, are not typing).
        onInput={(event) => setTyped(event.currentTarget.value)}
        {...form.getInputProps('compoundId')}
        key={form.key('compoundId')}
      />
      {/* A raid may hit a compound nobody has recorded: register it here without leaving the intake. */}
      <Group gap="xs" wrap="wrap">
        <Text size="sm" id="compound-missing">
          {t('people.intake.fields.compoundMissing')}
        </Text>
        <Button
          size="xs"
          variant="default"
          aria-describedby="compound-missing"
          onClick={() => setRegistering(form.getValues().compoundId ? '' : typed)}
        >
          {t('people.intake.fields.registerCompound')}
        </Button>
      </Group>
      <CompoundDialog
        target={registering === undefined ? undefined : { action: 'create', name: registering }}
        onClose={() => setRegistering(undefined)}
        onSaved={(compound) => {
          setRegistering(undefined);
          form.setFieldValue('compoundId', compound.id);
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('people.intake.fields.recruitedVia')}
          clearable
          data={RECRUITED_VIA.map((via) => ({ value: via, label: t(`people.intake.recruitedVia.${via}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('recruitedVia')}
          key={form.key('recruitedVia')}
        />
        <TextInput
          type="date"
          label={t('people.intake.fields.traffickedOn')}
          description={t('people.intake.fields.traffickedOnHelp')}
          max={now.slice(0, 10)}
          {...form.getInputProps('traffickedOn')}
          key={form.key('traffickedOn')}
        />
      </SimpleGrid>
    </Stack>
  );
}
