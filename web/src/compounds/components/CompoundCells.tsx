import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Compound } from '../../reference/useReferenceData';

/** The other names a compound goes by, under its name ("Also known as: …"). */
export function AliasesText({ compound }: { compound: Compound }) {
  const { t } = useTranslation();
  if (compound.aliases.length === 0) return null;
  return (
    <Text size="sm" data-testid="compound-aliases">
      {t('compounds.list.aliases', { aliases: compound.aliases.join(', ') })}
    </Text>
  );
}

/** Town and region on one line, whichever are known. */
export function placeOf(compound: Compound): string {
  return [compound.town, compound.region].filter(Boolean).join(', ');
}
