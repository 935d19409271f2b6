import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Compound } from '../useReferenceData';
import { CompoundCreate } from './CompoundCreate';
import { CompoundEdit } from './CompoundEdit';

/** Register a new compound (its name perhaps already typed elsewhere), or edit one by id. */
export type CompoundDialogTarget = { action: 'create'; name?: string } | { action: 'edit'; id: string };

interface Props {
  target: CompoundDialogTarget | undefined;
  onClose: () => void;
  /** The compound as the API now stores it, and what was done to it. */
  onSaved: (compound: Compound, action: CompoundDialogTarget['action']) => void;
}

/**
 * The one dialog that registers or edits a compound: the register's page and the intake's compound
 * picker open the same one, so a compound registered during an intake is the same as anywhere else.
 */
export function CompoundDialog({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  // On a phone the form takes the whole screen: a raid's intake is often typed on one.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return (
    <Modal
      fullScreen={!wide}
      opened={target !== undefined}
      onClose={onClose}
      title={target ? t(`compounds.${target.action}.title`) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target?.action === 'create' && (
        <CompoundCreate
          name={target.name}
          onCancel={onClose}
          onCreated={(compound) => onSaved(compound, 'create')}
        />
      )}
      {target?.action === 'edit' && (
        <CompoundEdit id={target.id} onCancel={onClose} onSaved={(compound) => onSaved(compound, 'edit')} />
      )}
    </Modal>
  );
}
