import { Alert, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../shell/ErrorAlert';
import type { Compound } from '../useReferenceData';
import { type CompoundDraft, draftOf, rebaseDraft, toChanges } from './compoundForm';
import { CompoundForm } from './CompoundForm';
import { useCompound, useReloadCompound, useUpdateCompound } from './useCompoundEditing';

interface Props {
  id: string;
  onCancel: () => void;
  onSaved: (compound: Compound) => void;
}

/** The version the form was filled from, and the form's values to start with. */
interface Start {
  base: Compound;
  draft: CompoundDraft;
  /** Set when someone else saved meanwhile and the form was filled again from their version. */
  rebased: boolean;
}

/**
 * Edits a compound as stored now (GET /compounds/:id), sending only what changed with If-Match of
 * that version. When someone else saved meanwhile (412), the compound is read again and the form
 * shows their version with this form's changes on top, and says so: nothing typed is lost, and
 * nothing of theirs is overwritten unseen.
 */
export function CompoundEdit({ id, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const read = useCompound(id);
  const reload = useReloadCompound();
  const update = useUpdateCompound();
  const [start, setStart] = useState<Start | undefined>();
  const [unchanged, setUnchanged] = useState(false);

  // The form starts from the first version read, and keeps it while the cache is read again behind it.
  if (!start && read.data) setStart({ base: read.data, draft: draftOf(read.data), rebased: false });
  if (read.error && !start) return <ErrorAlert error={read.error} title={t('compounds.edit.loadFailed')} />;
  const current = start ?? (read.data && { base: read.data, draft: draftOf(read.data), rebased: false });
  if (!current) return <Loader aria-label={t('common.loading')} />;

  const submit = (draft: CompoundDraft) => {
    const changes = toChanges(current.base, draft);
    setUnchanged(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    update.mutate(
      { base: current.base, changes },
      {
        onSuccess: onSaved,
        onError: async (error) => {
          if (!(error instanceof ApiError) || error.status !== 412) return;
          const theirs = await reload(id).catch(() => undefined);
          if (theirs) {
            update.reset();
            setStart({ base: theirs, draft: rebaseDraft(current.base, theirs, draft), rebased: true });
          }
        },
      },
    );
  };

  return (
    <>
      {current.rebased && (
        <Alert color="orange" variant="outline" role="alert" mb="sm" data-testid="compound-rebased">
          <Text c="dark.9">{t('compounds.edit.rebased')}</Text>
        </Alert>
      )}
      {unchanged && <Text mb="sm">{t('compounds.edit.unchanged')}</Text>}
      <CompoundForm
        key={current.base.version}
        initial={current.draft}
        busy={update.isPending}
        error={update.error}
        errorTitle={t('compounds.edit.failed')}
        submitLabel={t('compounds.edit.submit')}
        onCancel={onCancel}
        onSubmit={submit}
      />
    </>
  );
}
