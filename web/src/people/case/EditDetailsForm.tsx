import { Button, Fieldset, Group, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { useStaffDirectory } from '../../reference/useReferenceData';
import { ErrorAlert } from '../../shell/ErrorAlert';
import {
  IntakeFormProvider,
  showApiFieldErrors,
  translatedIntakeChecks,
  useIntakeForm,
} from '../intake/form';
import { IdentityFields } from '../intake/IdentityFields';
import { NameFields } from '../intake/NameFields';
import { NeedsFields } from '../intake/NeedsFields';
import { RescueFields } from '../intake/RescueFields';
import { caseKeys, type Person } from './caseApi';
import { rebaseEdits, toPatchBody, valuesFromPerson } from './editDetails';
import { useEditPerson } from './useEditPerson';

/** What the form was filled from: the diff's base and the version for If-Match. */
function baseOf(person: Person) {
  return {
    values: valuesFromPerson(person),
    version: person.version,
    assignee: person.assignedCaseworkerId,
  };
}

/**
 * "Edit details": the intake's own sections, filled in from the record, and who holds the case.
 * Only what changed is sent (the history names exactly those fields). When someone else saved the
 * case meanwhile (412), the form takes their version with this caseworker's changes on top and asks
 * to check and save again; nothing of theirs is overwritten unseen.
 */
export function EditDetailsForm({
  person,
  onDone,
}: {
  person: Person;
  onDone: (outcome: 'saved' | 'unchanged' | 'cancelled') => void;
}) {
  const { t } = useTranslation();
  const [base, setBase] = useState(() => baseOf(person));
  const [assignee, setAssignee] = useState<string | null>(base.assignee);
  const [rebased, setRebased] = useState(false);
  const form = useIntakeForm({
    mode: 'controlled',
    initialValues: base.values,
    validate: translatedIntakeChecks(t),
  });
  const edit = useEditPerson(person);
  const queryClient = useQueryClient();
  const staff = useStaffDirectory();

  const submit = form.onSubmit(async (values) => {
    const body = toPatchBody(person, base.values, values, { before: base.assignee, after: assignee });
    if (!body) return onDone('unchanged');
    try {
      setRebased(false);
      await edit.mutateAsync({ body, version: base.version });
      onDone('saved');
    } catch (error) {
      // A 412 has already read the case again (useCaseWriteEffects): carry these changes over onto it.
      const now = queryClient.getQueryData<Person>(caseKeys.person(person.id));
      if (error instanceof ApiError && error.status === 412 && now && now.version !== base.version) {
        const fresh = baseOf(now);
        form.setValues(rebaseEdits(base.values, values, fresh.values));
        if (assignee === base.assignee) setAssignee(fresh.assignee);
        setBase(fresh);
        setRebased(true);
        return;
      }
      showApiFieldErrors(form, error, t);
    }
  });

  const staffOptions = (staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName ?? u.id }));
  if (assignee && !staffOptions.some((o) => o.value === assignee)) {
    staffOptions.push({ value: assignee, label: t('people.case.unknownUser') });
  }

  return (
    <IntakeFormProvider form={form}>
      <form onSubmit={submit} noValidate autoComplete="off" data-testid="edit-details">
        <Stack gap="md">
          <Text size="sm">{t('people.case.details.editIntro')}</Text>
          <Fieldset legend={t('people.intake.sections.who')} radius="sm">
            <Stack gap="sm">
              <NameFields />
              <IdentityFields />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('people.intake.sections.rescue')} radius="sm">
            <RescueFields />
          </Fieldset>
          <Fieldset legend={t('people.intake.sections.needs')} radius="sm">
            <NeedsFields />
          </Fieldset>
          <Select
            label={t('people.case.header.caseworker')}
            placeholder={t('people.case.details.nobody')}
            data={staffOptions}
            value={assignee}
            onChange={setAssignee}
            searchable
            clearable
            nothingFoundMessage={t('people.intake.fields.nothingFound')}
          />
          {rebased && !edit.isPending ? (
            <Text role="alert" fw={600} data-testid="edit-rebased">
              {t('people.case.details.rebased')}
            </Text>
          ) : (
            <ErrorAlert error={edit.error} title={t('people.case.details.failed')} />
          )}
          <Group gap="sm">
            <Button type="submit" loading={edit.isPending}>
              {t('people.case.details.save')}
            </Button>
            <Button variant="outline" onClick={() => onDone('cancelled')} disabled={edit.isPending}>
              {t('people.case.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </IntakeFormProvider>
  );
}
