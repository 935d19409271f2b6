import { Button, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';

/** What erasure wipes and what it keeps for the figures (DESIGN.md §5), as catalogue keys. */
export const WIPED = ['names', 'birth', 'languages', 'rescuePlace', 'vulnerabilities', 'documents', 'notes'];
export const KEPT = ['nationalities', 'sex', 'ageBand', 'compound', 'recruitedVia', 'status'];

interface Props {
  opened: boolean;
  caseNumber: string;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * The last check before an erasure, which cannot be undone: it names what is wiped and what stays,
 * and the case number must be typed to confirm, so the wrong record is not erased by a slip.
 */
export function EraseDialog({ opened, caseNumber, busy, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === caseNumber;
  const cancel = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Modal
      opened={opened}
      onClose={cancel}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('people.case.erase.dialogTitle', { caseNumber })}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) onConfirm();
        }}
      >
        <Stack gap="sm">
          <Text>{t('people.case.erase.cannotUndo')}</Text>
          <Title order={3} size="h5">
            {t('people.case.erase.wipedTitle')}
          </Title>
          <List size="sm" data-testid="erase-wiped">
            {WIPED.map((key) => (
              <List.Item key={key}>{t(`people.case.erase.wiped.${key}`)}</List.Item>
            ))}
          </List>
          <Title order={3} size="h5">
            {t('people.case.erase.keptTitle')}
          </Title>
          <List size="sm" data-testid="erase-kept">
            {KEPT.map((key) => (
              <List.Item key={key}>{t(`people.case.erase.kept.${key}`)}</List.Item>
            ))}
          </List>
          <Text size="sm">{t('people.case.erase.audited')}</Text>
          <TextInput
            label={t('people.case.erase.typeLabel', { caseNumber })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <ErrorAlert error={error} title={t('people.case.erase.failed')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={cancel}>
              {t('people.case.cancel')}
            </Button>
            <Button type="submit" color="red.8" disabled={!matches} loading={busy}>
              {t('people.case.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
