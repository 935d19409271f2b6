import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import type { NationalityCount } from '../lib/types';

/**
 * Head counts by nationality, as country names in the reader's language ("Thailand 266"). A dual
 * national counts once in each of their rows, so the rows may add up to more than the people.
 */
export function NationalityCounts({ counts, label }: { counts: readonly NationalityCount[]; label: string }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const { number } = useFormat();
  if (!counts.length) return null;
  return (
    <Group component="ul" gap="xs" aria-label={label} p={0} m={0}>
      {counts.map(({ code, count }) => (
        <Badge
          key={code}
          component="li"
          variant="light"
          color="blue"
          size="lg"
          tt="none"
          fw={500}
          data-code={code}
          data-count={count}
        >
          {t('handovers.counts.row', { country: country(code), count: number(count) })}
        </Badge>
      ))}
    </Group>
  );
}
