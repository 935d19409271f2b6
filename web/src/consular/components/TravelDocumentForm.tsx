import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TravelDocumentInput } from '../hooks/useEmbassyCases';
import {
  NUMBER_MAX,
  toTravelDocument,
  todayUtc,
  TRAVEL_DOCUMENT_TYPES,
  type TravelDocumentDraft,
  type TravelDocumentErrors,
  validateTravelDocument,
} from './travelDocument';

interface Props {
  busy: boolean;
  onSubmit: (document: TravelDocumentInput) => void;
}

const EMPTY: TravelDocumentDraft = { type: '', number: '', expiresAt: '' };

/** Type, number and expiry of the document the embassy issued; the API records the day of issue. */
export function TravelDocumentForm({ busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TravelDocumentDraft>(EMPTY);
  const [errors, setErrors] = useState<TravelDocumentErrors>({});
  const error = (field: keyof TravelDocumentDraft) =>
    errors[field] && t(`consular.document.errors.${errors[field]}`, { max: NUMBER_MAX });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateTravelDocument(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(toTravelDocument(draft));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('consular.document.formLabel')}>
      <Stack gap="sm">
        <Select
          label={t('consular.document.type')}
          placeholder={t('consular.document.typePlaceholder')}
          data={TRAVEL_DOCUMENT_TYPES.map((type) => ({
            value: type,
            label: t(`consular.document.types.${type}`),
          }))}
          value={draft.type || null}
          onChange={(type) => setDraft({ ...draft, type: (type ?? '') as TravelDocumentDraft['type'] })}
          error={error('type')}
          required
          allowDeselect={false}
        />
        <TextInput
          label={t('consular.document.number')}
          value={draft.number}
          onChange={(e) => setDraft({ ...draft, number: e.currentTarget.value })}
          error={error('number')}
          maxLength={NUMBER_MAX + 10}
          required
          autoComplete="off"
        />
        <TextInput
          type="date"
          label={t('consular.document.expiresAt')}
          description={t('consular.document.expiresHint')}
          value={draft.expiresAt}
          min={todayUtc()}
          onChange={(e) => setDraft({ ...draft, expiresAt: e.currentTarget.value })}
          error={error('expiresAt')}
          required
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('consular.document.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
