import { Button, Group } from '@mantine/core';

/** What MoreButton needs of a keyset-paged list (a TanStack infinite query). */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Show more" under a keyset-paged list: the next page, appended; nothing when there is none. */
export function MoreButton({
  pages,
  label,
  variant = 'default',
}: {
  pages: Pages;
  label: string;
  variant?: 'default' | 'outline';
}) {
  if (!pages.hasNextPage) return null;
  return (
    <Group>
      <Button variant={variant} loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
        {label}
      </Button>
    </Group>
  );
}
