import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useIntakeFormContext } from './form';
import { CONSENTS, type ConsentKey, UNSPECIFIED_NATIONALITY } from './intakeValues';
import { STATELESS } from '../../i18n/countries';

/**
 * Consents as explicit toggles, all off until the person says yes (Primero's consent prompts before
 * creation), each with what it means and who will see what. Consular notification names the
 * embassies of the nationalities chosen above: the person must know exactly who will be told.
 */
export function ConsentFields() {
  const { t } = useTranslation();
  const country = useCountryName();
  const form = useIntakeFormContext();
  const embassies = form
    .getValues()
    .nationalities.filter((code) => code !== UNSPECIFIED_NATIONALITY && code !== STATELESS)
    .map((code) => country(code));

  const meaning = (key: ConsentKey) =>
    key === 'consularNotification'
      ? embassies.length
        ? t('people.intake.consent.consularNotification.meaningFor', { countries: embassies.join(', ') })
        : t('people.intake.consent.consularNotification.meaningNoCountry')
      : t(`people.intake.consent.${key}.meaning`);

  return (
    <Stack gap="md">
      <Text size="sm">{t('people.intake.consent.intro')}</Text>
      {CONSENTS.map((key) => (
        <Switch
          key={key}
          size="md"
          label={t(`people.intake.consent.${key}.label`)}
          description={
            <>
              {meaning(key)}
              <br />
              <strong>{t(`people.intake.consent.${key}.visibleTo`)}</strong>
            </>
          }
          {...form.getInputProps(`consents.${key}`, { type: 'checkbox' })}
          data-testid={`consent-${key}`}
        />
      ))}
    </Stack>
  );
}
