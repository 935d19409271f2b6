import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One widget of the case page: a titled, bordered section (DHIS2 Capture's record widgets), with a
 * line saying who else sees what it holds where that matters.
 */
export function Panel({
  id,
  title,
  visibility,
  children,
}: {
  id: string;
  title: string;
  visibility?: string;
  children: ReactNode;
}) {
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'md' }} aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {visibility && <Text size="sm">{visibility}</Text>}
        {children}
      </Stack>
    </Paper>
  );
}
