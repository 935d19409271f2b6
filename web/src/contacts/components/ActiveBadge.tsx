import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active in outline, inactive filled dark: both pass AA contrast (no light badges, no red on white). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant={active ? 'outline' : 'filled'} color="dark" tt="none" fw={500}>
      {t(active ? 'contacts.state.active' : 'contacts.state.inactive')}
    </Badge>
  );
}
