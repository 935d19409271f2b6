import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from './caseApi';
import { closeReasons } from './closeReasons';
import type { MoveRequest } from './useMoveCase';

interface Props {
  /** The step chosen; the dialog is open while it is set. */
  target: CaseStatus | undefined;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (request: MoveRequest) => void;
}

/**
 * Confirms one move, with an optional note. Closing needs a reason (API.md: `reason` is required for
 * `closed`), chosen from the close reasons: the button stays disabled until one is chosen.
 */
export function MoveDialog({ target, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const closing = target === 'closed';
  const ready = !closing || reason !== null;

  const reset = () => {
    setNote('');
    setReason(null);
  };

  return (
    <Modal
      opened={target !== undefined}
      onClose={() => {
        reset();
        onCancel();
      }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={target ? t('people.case.move.dialogTitle', { status: t(`common.status.${target}`) }) : ''}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!target || !ready) return;
          onConfirm({ to: target, reason: closing ? (reason ?? undefined) : undefined, note });
          reset();
        }}
      >
        <Stack gap="sm">
          {closing && (
            <Radio.Group
              label={t('people.case.move.closeReason')}
              description={t('people.case.move.closeReasonHint')}
              value={reason}
              onChange={setReason}
              required
            >
              <Stack gap="xs" mt="xs">
                {closeReasons(t).map(({ value, label }) => (
                  <Radio key={value} value={value} label={label} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Textarea
            label={t('people.case.move.note')}
            description={t('people.case.move.noteHint')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            rows={3}
            maxLength={2000}
          />
          <Text size="sm">{t('people.case.move.visibility')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => {
                reset();
                onCancel();
              }}
            >
              {t('people.case.cancel')}
            </Button>
            <Button type="submit" disabled={!ready} loading={busy}>
              {closing ? t('people.case.move.confirmClose') : t('people.case.move.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
