import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title?: string;
  children: ReactNode;
  onClose?: () => void;
  closeLabel?: string;
  testId?: string;
}

/**
 * What was just done, announced to screen readers (role=status). The title is dark on the light
 * green: Mantine's green title, even its darkest shade, does not reach AA contrast there (axe fails it).
 */
export function SuccessAlert({ title, children, onClose, closeLabel, testId }: Props) {
  return (
    <Alert
      color="green"
      role="status"
      data-testid={testId}
      title={
        title && (
          <Text span fw={700} c="dark.9">
            {title}
          </Text>
        )
      }
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={closeLabel}
    >
      {children}
    </Alert>
  );
}
