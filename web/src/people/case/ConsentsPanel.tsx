import { Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { CONSENT_FIELDS, type ConsentType, type Person } from './caseApi';
import { consentAudience } from './consentAudience';
import { ConsentHistory } from './ConsentHistory';
import { Panel } from './Panel';
import { useRecordConsent } from './useRecordConsent';

const TYPES = Object.keys(CONSENT_FIELDS) as ConsentType[];

/**
 * The person's current consents as explicit switches (default: not given), each with what it means
 * and who will see what once given; then every grant and withdrawal ever recorded.
 */
export function ConsentsPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const record = useRecordConsent(person.id);
  const [changing, setChanging] = useState<ConsentType | undefined>();

  return (
    <Panel id="consents" title={t('people.case.consents.title')} visibility={t('people.case.consents.intro')}>
      <Stack gap="md">
        {person.erased && <Text>{t('people.case.consents.erased')}</Text>}
        {!person.erased &&
          TYPES.map((type) => {
            const granted = person.consents[CONSENT_FIELDS[type]];
            return (
              <Stack key={type} gap={4} data-testid={`consent-${type}`}>
                <Switch
                  checked={granted}
                  disabled={record.isPending}
                  onChange={(event) => {
                    setChanging(type);
                    record.mutate({ type, granted: event.currentTarget.checked });
                  }}
                  label={t(`people.case.consents.type.${type}`)}
                  description={t(`people.case.consents.meaning.${type}`)}
                />
                <Text size="sm" fw={500} pl={{ base: 0, xs: 50 }}>
                  {granted
                    ? consentAudience(type, person, t, country)
                    : t('people.case.consents.notGiven', {
                        audience: consentAudience(type, person, t, country),
                      })}
                </Text>
                {changing === type && (
                  <ErrorAlert error={record.error} title={t('people.case.consents.failed')} />
                )}
              </Stack>
            );
          })}
        <ConsentHistory personId={person.id} />
      </Stack>
    </Panel>
  );
}
