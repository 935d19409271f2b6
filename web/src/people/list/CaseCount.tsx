import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { PeopleCount } from './usePeoplePages';

/**
 * "1,234 cases", or "10,000+ cases" when the API stops counting (it counts exactly up to 10,000 and
 * then only says "at least", so a broad search stays fast).
 */
export function useCountText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (count: PeopleCount | undefined): string | undefined => {
    if (!count) return undefined;
    if (count.count === null) {
      return t('people.cases.countAtLeast', {
        count: count.atLeast ?? 0,
        number: format.number(count.atLeast),
      });
    }
    return t('people.cases.count', { count: count.count, number: format.number(count.count) });
  };
}

export function CaseCount({ count }: { count: PeopleCount | undefined }) {
  const text = useCountText()(count);
  if (!text) return null;
  return (
    <Text fw={600} role="status" data-testid="case-count">
      {text}
    </Text>
  );
}
