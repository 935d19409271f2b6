import { useMediaQuery } from '@mantine/hooks';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Compound } from '../../reference/useReferenceData';
import { CompoundCards } from './CompoundCards';
import { CompoundsTable } from './CompoundsTable';

export interface CompoundListProps {
  compounds: Compound[];
  onEdit: (compound: Compound) => void;
}

/** A table where there is room; on a phone, stacked cards, so nothing scrolls the page sideways. */
export function CompoundList({ compounds, onEdit }: CompoundListProps) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (compounds.length === 0) return <Text>{t('compounds.list.empty')}</Text>;
  return wide ? (
    <CompoundsTable compounds={compounds} onEdit={onEdit} />
  ) : (
    <CompoundCards compounds={compounds} onEdit={onEdit} />
  );
}
