import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A figure the API withheld (`suppressed: true, count: null`), shown as hidden: never a number, never
 * zero, never "fewer than k" (a figure hidden to protect another one may be large).
 */
export function HiddenFigure() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="dark" tt="none" fw={600} radius="sm" data-hidden-figure="">
      {t('reports.hidden')}
    </Badge>
  );
}
