import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from './caseApi';
import { EraseDialog } from './EraseDialog';
import { Panel } from './Panel';
import { useErasePerson } from './useErasePerson';

/** The administrator's erasure of a person (right to be forgotten), behind a confirmation dialog. */
export function ErasurePanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const erase = useErasePerson(person.id);
  const [open, setOpen] = useState(false);
  if (person.erased) return null;
  return (
    <Panel id="erase" title={t('people.case.erase.title')} visibility={t('people.case.erase.intro')}>
      <Text size="sm">{t('people.case.erase.summary')}</Text>
      <Button
        color="red.8"
        variant="outline"
        w="fit-content"
        onClick={() => {
          erase.reset();
          setOpen(true);
        }}
      >
        {t('people.case.erase.open')}
      </Button>
      <EraseDialog
        opened={open}
        caseNumber={person.caseNumber}
        busy={erase.isPending}
        error={erase.error}
        onCancel={() => setOpen(false)}
        onConfirm={() => erase.mutate(undefined, { onSuccess: () => setOpen(false) })}
      />
    </Panel>
  );
}
