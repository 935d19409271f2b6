import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Period } from '../hooks/useEmbassyFigures';

/** A report's period, both ends included (API.md "Reports"); empty ends mean "all time". */
export function PeriodInputs({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  return (
    <Group align="end" wrap="wrap">
      <TextInput
        type="date"
        label={t('consular.figures.from')}
        value={period.from ?? ''}
        onChange={(e) => onChange({ ...period, from: e.currentTarget.value || undefined })}
        w={{ base: '100%', xs: 200 }}
      />
      <TextInput
        type="date"
        label={t('consular.figures.to')}
        value={period.to ?? ''}
        onChange={(e) => onChange({ ...period, to: e.currentTarget.value || undefined })}
        w={{ base: '100%', xs: 200 }}
      />
    </Group>
  );
}
