import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompoundDialog, type CompoundDialogTarget } from '../../reference/compounds/CompoundDialog';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Page } from '../../shell/Page';
import { SuccessAlert } from '../../shell/SuccessAlert';
import { CompoundFiltersBar } from '../components/CompoundFiltersBar';
import { CompoundList } from '../components/CompoundList';
import { useCompoundFilters, useCompoundList } from '../hooks/useCompoundList';
import { MoreButton } from '../../shell/MoreButton';

/**
 * The register of scam compounds (API.md "Compounds"): find one by any of its names, register one
 * nobody has recorded yet, correct one. Case staff write; the list is what the intake's picker offers.
 */
export default function CompoundsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useCompoundFilters();
  // Typing asks the API once the typing pauses, not on every key.
  const [asked] = useDebouncedValue(filters, 300);
  const list = useCompoundList(asked);
  const [dialog, setDialog] = useState<CompoundDialogTarget | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const open = (target: CompoundDialogTarget) => (setNotice(undefined), setDialog(target));
  const searching = asked.q.trim() !== '';
  const compounds = list.data?.pages.flatMap((p) => p.items);
  // A search that found nothing is most likely the name of the compound to register.
  const nameToRegister = searching && compounds?.length === 0 ? asked.q : undefined;

  return (
    <Page title={t('compounds.title')} intro={t('compounds.intro')}>
      <Group justify="space-between" align="end" wrap="wrap">
        <CompoundFiltersBar filters={filters} onChange={(change) => setFilters(change, { replace: true })} />
        <Button onClick={() => open({ action: 'create', name: nameToRegister })}>
          {t('compounds.create.open')}
        </Button>
      </Group>
      {notice && (
        <SuccessAlert onClose={() => setNotice(undefined)} closeLabel={t('common.close')}>
          {notice}
        </SuccessAlert>
      )}
      <Stack gap="sm">
        {list.isPending && <Loader aria-label={t('common.loading')} />}
        <ErrorAlert error={list.error} title={t('compounds.list.loadFailed')} />
        {searching && list.data && <Text size="sm">{t('compounds.list.bestMatches')}</Text>}
        {compounds && (
          <CompoundList
            compounds={compounds}
            onEdit={(compound) => open({ action: 'edit', id: compound.id })}
          />
        )}
        <MoreButton pages={list} label={t('compounds.list.more')} />
      </Stack>
      <CompoundDialog
        target={dialog}
        onClose={() => setDialog(undefined)}
        onSaved={(compound, action) => {
          setDialog(undefined);
          setNotice(t(`compounds.${action}.done`, { name: compound.name }));
        }}
      />
    </Page>
  );
}
