import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { type EmbassyAction, type EmbassyCase, useEmbassyAction } from '../hooks/useEmbassyCases';
import { SuccessAlert } from '../../shell/SuccessAlert';
import { TravelDocumentForm } from './TravelDocumentForm';

type Kind = EmbassyAction['kind'];

/**
 * What the embassy can still do on this case, in the order it happens: acknowledge the notification,
 * verify the person's identity, record the travel document. An act already recorded is not offered
 * again; whether the case may move is the API's answer (a refusal is shown in plain words).
 */
export function CaseActions({ person }: { person: EmbassyCase }) {
  const { t } = useTranslation();
  const action = useEmbassyAction(person.id);
  const [done, setDone] = useState<Kind | undefined>();
  const notification = person.notification;
  if (!notification) return <Alert color="gray">{t('consular.actions.notNotified')}</Alert>;

  const run = (a: EmbassyAction) => {
    setDone(undefined);
    action.mutate(a, { onSuccess: () => setDone(a.kind) });
  };
  const failed = (kind: Kind) => (action.variables?.kind === kind ? action.error : null);
  const busy = (kind: Kind) => action.isPending && action.variables?.kind === kind;
  const offered = {
    acknowledge: !notification.acknowledgedAt,
    verifyIdentity: !notification.identityVerifiedAt,
    travelDocument: !notification.travelDocument,
  };

  return (
    <Stack gap="md">
      <Text>{t('consular.actions.visibility')}</Text>
      {done && (
        <SuccessAlert title={t(`consular.actions.${done}.done`)}>
          {t('consular.actions.recorded')}
        </SuccessAlert>
      )}
      {!offered.acknowledge && !offered.verifyIdentity && !offered.travelDocument && (
        <Text>{t('consular.actions.nothingLeft')}</Text>
      )}
      {offered.acknowledge && (
        <ActionCard kind="acknowledge" error={failed('acknowledge')}>
          <NoteAction
            busy={busy('acknowledge')}
            kind="acknowledge"
            onRun={(note) => run({ kind: 'acknowledge', note })}
          />
        </ActionCard>
      )}
      {offered.verifyIdentity && (
        <ActionCard kind="verifyIdentity" error={failed('verifyIdentity')}>
          <NoteAction
            busy={busy('verifyIdentity')}
            kind="verifyIdentity"
            onRun={(note) => run({ kind: 'verifyIdentity', note })}
          />
        </ActionCard>
      )}
      {offered.travelDocument && (
        <ActionCard kind="travelDocument" error={failed('travelDocument')}>
          <TravelDocumentForm
            busy={busy('travelDocument')}
            onSubmit={(document) => run({ kind: 'travelDocument', document })}
          />
        </ActionCard>
      )}
    </Stack>
  );
}

function ActionCard({ kind, error, children }: { kind: Kind; error: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-action={kind}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t(`consular.actions.${kind}.title`)}
        </Title>
        <Text>{t(`consular.actions.${kind}.explain`)}</Text>
        <ErrorAlert error={error} title={t(`consular.actions.${kind}.failed`)} />
        {children}
      </Stack>
    </Card>
  );
}

/** An act with an optional note (acknowledge, verify identity). */
function NoteAction({ kind, busy, onRun }: { kind: Kind; busy: boolean; onRun: (note?: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Stack gap="sm">
      <Textarea
        label={t('consular.actions.note')}
        description={t('consular.actions.noteHint')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={2000}
        rows={2}
      />
      <Group>
        <Button loading={busy} onClick={() => onRun(note.trim() || undefined)}>
          {t(`consular.actions.${kind}.submit`)}
        </Button>
      </Group>
    </Stack>
  );
}
