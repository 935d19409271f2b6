import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../../people/components/StatusBadge';
import type { EmbassyCase } from '../hooks/useEmbassyCases';

/** One labelled value; "Not recorded" rather than a blank a reader could take for a mistake. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text component="div">{children ?? t('consular.fields.notRecorded')}</Text>
    </Stack>
  );
}

/** The person as the embassy may see them: exactly the fields of the minimal view, nothing more. */
export function CaseDetails({ person }: { person: EmbassyCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const age =
    person.estimatedAge !== null
      ? t('consular.fields.estimatedAgeValue', { count: person.estimatedAge })
      : null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" data-testid="case-details">
      <Field label={t('consular.fields.givenName')}>{person.givenName}</Field>
      <Field label={t('consular.fields.familyName')}>{person.familyName}</Field>
      <Field label={t('consular.fields.nameNative')}>{person.nameNative}</Field>
      <Field label={t('consular.fields.sex')}>{t(`consular.sex.${person.sex}`)}</Field>
      <Field label={t('consular.fields.dateOfBirth')}>{format.date(person.dateOfBirth) ?? age}</Field>
      <Field label={t('consular.fields.nationalities')}>
        {person.nationalities
          .map((n) =>
            t(n.verified ? 'consular.fields.nationalityVerified' : 'consular.fields.nationalityClaimed', {
              country: country(n.code),
            }),
          )
          .join(', ')}
      </Field>
      <Field label={t('consular.fields.status')}>
        <StatusBadge status={person.status} />
      </Field>
      <Field label={t('consular.fields.documentNumber')}>{person.documentNumber}</Field>
      <Field label={t('consular.fields.rescuedAt')}>{format.date(person.rescuedAt)}</Field>
    </SimpleGrid>
  );
}
