import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

export type CaseStatus = components['schemas']['PersonView']['status'];

/**
 * A case's status in plain words (`common.status.*`), the same on every page that lists cases:
 * dark text on white so it reads at AA on any screen, whatever the status.
 */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="dark" tt="none" fw={500} data-status={status}>
      {t(`common.status.${status}`)}
    </Badge>
  );
}
