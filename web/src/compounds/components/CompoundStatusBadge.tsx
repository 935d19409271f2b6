import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompoundStatus } from '../../reference/compounds/compoundForm';

/** A compound's status in plain words, dark on white: it reads at AA whatever the status. */
export function CompoundStatusBadge({ status }: { status: CompoundStatus }) {
  const { t } = useTranslation();
  return (
    // Never cut to "Rai…": the whole word, beside the name or on a line of its own.
    <Badge variant="outline" color="dark" tt="none" fw={500} miw="max-content" data-status={status}>
      {t(`compounds.status.${status}`)}
    </Badge>
  );
}
