import type { TFunction } from 'i18next';

/**
 * The reasons a case may be closed with: the keys of `common.closeReason` (the catalogue holds one
 * entry per reason the API accepts), so the list is written down once.
 */
export function closeReasons(t: TFunction): { value: string; label: string }[] {
  const reasons = t('common.closeReason', { returnObjects: true }) as Record<string, string>;
  return Object.entries(reasons).map(([value, label]) => ({ value, label }));
}
