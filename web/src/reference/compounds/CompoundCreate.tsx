import { useTranslation } from 'react-i18next';
import type { Compound } from '../useReferenceData';
import { EMPTY_COMPOUND, toCreateBody } from './compoundForm';
import { CompoundForm } from './CompoundForm';
import { useCreateCompound } from './useCompoundEditing';

interface Props {
  /** What was typed where the compound was looked for, as a start for its name. */
  name?: string;
  onCancel: () => void;
  onCreated: (compound: Compound) => void;
}

/** POST /compounds from the form; the API's refusals stay on screen under their fields. */
export function CompoundCreate({ name, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateCompound();
  return (
    <CompoundForm
      initial={{ ...EMPTY_COMPOUND, name: name?.trim() ?? '' }}
      busy={create.isPending}
      error={create.error}
      errorTitle={t('compounds.create.failed')}
      submitLabel={t('compounds.create.submit')}
      onCancel={onCancel}
      onSubmit={(draft) => create.mutate(toCreateBody(draft), { onSuccess: onCreated })}
    />
  );
}
