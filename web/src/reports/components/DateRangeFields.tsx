import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rangeIsBackwards, type ReportParams } from '../reportParams';

interface Props {
  params: ReportParams;
  onChange: (change: Partial<ReportParams>) => void;
  /** What the dates bound: departures, or the later event of each interval. */
  hint: string;
}

/**
 * The range of the figures, both ends inclusive (the whole `to` day). The browser's own date field:
 * keyboard-usable and labelled on every phone; empty means no bound.
 */
export function DateRangeFields({ params, onChange, hint }: Props) {
  const { t } = useTranslation();
  const backwards = rangeIsBackwards(params);
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <TextInput
        type="date"
        label={t('reports.range.from')}
        description={hint}
        value={params.from ?? ''}
        onChange={(e) => onChange({ from: e.currentTarget.value || undefined })}
        w={200}
      />
      <TextInput
        type="date"
        label={t('reports.range.to')}
        description={t('reports.range.toHint')}
        value={params.to ?? ''}
        onChange={(e) => onChange({ to: e.currentTarget.value || undefined })}
        error={backwards ? t('reports.range.backwards') : undefined}
        w={200}
      />
    </Group>
  );
}
