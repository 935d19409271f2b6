import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active in outline, inactive filled dark: both pass AA contrast (no light badges, no red on white). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={active ? 'outline' : 'filled'}
      color="dark"
      tt="none"
      fw={500}
      // Mantine cuts a badge's label short with an ellipsis; in a narrow table cell the Thai state was unreadable.
      styles={{
        root: { flexShrink: 0, overflow: 'visible', maxWidth: 'none' },
        label: { overflow: 'visible' },
      }}
    >
      {t(active ? 'contacts.state.active' : 'contacts.state.inactive')}
    </Badge>
  );
}
