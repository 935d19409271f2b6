import { Button, Fieldset, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { ConsentFields } from './ConsentFields';
import { DuplicatePanel } from './DuplicatePanel';
import { duplicateCriteria } from './duplicateCriteria';
import { IntakeFormProvider, showApiFieldErrors, translatedIntakeChecks, useIntakeForm } from './form';
import { IdentityFields } from './IdentityFields';
import { emptyIntake, toCreateBody } from './intakeValues';
import { NameFields } from './NameFields';
import { NeedsFields } from './NeedsFields';
import { RescueFields } from './RescueFields';
import { useCreatePerson } from './useCreatePerson';
import { useDuplicateCandidates } from './useDuplicateCandidates';

/**
 * The intake form: who the person is (with the search for people already registered right under
 * it), where they were found, their needs and account, their consents; then one deliberate
 * "Register". The page stays one column: it is filled in on phones as often as on a laptop.
 */
export function IntakeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useIntakeForm({
    mode: 'controlled',
    initialValues: emptyIntake(),
    validate: translatedIntakeChecks(t),
  });
  const values = form.getValues();
  const search = useDuplicateCandidates(duplicateCriteria(values));
  const create = useCreatePerson();

  // The "none of these" answer holds for the candidates it was given for; new ones ask again.
  const shown =
    search.error && !search.checking ? 'search-failed' : search.candidates.map((c) => c.person.id).join();
  const [acknowledgedFor, setAcknowledgedFor] = useState<string | undefined>();
  const needsAcknowledgement = shown !== '';
  const acknowledged = needsAcknowledgement && acknowledgedFor === shown;
  const blockedBy = search.checking
    ? 'checking'
    : needsAcknowledgement && !acknowledged
      ? 'acknowledge'
      : undefined;

  const submit = form.onSubmit(async (submitted) => {
    if (blockedBy) return;
    try {
      const person = await create.mutateAsync(toCreateBody(submitted));
      notifications.show({
        color: 'green',
        message: t('people.intake.created', { caseNumber: person.caseNumber }),
      });
      await navigate(`/cases/${person.id}`);
    } catch (error) {
      showApiFieldErrors(form, error, t);
    }
  });

  const networkFailed = create.error instanceof ApiError && create.error.code === 'NETWORK';
  return (
    <IntakeFormProvider form={form}>
      <form onSubmit={submit} noValidate autoComplete="off" aria-describedby="intake-required-note">
        <Stack gap="lg" maw={760}>
          <Text size="sm" id="intake-required-note">
            {t('people.intake.requiredNote')}
          </Text>
          <Fieldset legend={t('people.intake.sections.who')} radius="sm">
            <Stack gap="sm">
              <NameFields />
              <IdentityFields />
            </Stack>
          </Fieldset>
          <DuplicatePanel
            search={search}
            acknowledged={acknowledged}
            onAcknowledge={(yes) => setAcknowledgedFor(yes ? shown : undefined)}
          />
          <Fieldset legend={t('people.intake.sections.rescue')} radius="sm">
            <RescueFields />
          </Fieldset>
          <Fieldset legend={t('people.intake.sections.needs')} radius="sm">
            <NeedsFields />
          </Fieldset>
          <Fieldset legend={t('people.intake.sections.consent')} radius="sm">
            <ConsentFields />
            {form.errors.consents && (
              <Text c="red.8" size="sm" mt="xs">
                {form.errors.consents}
              </Text>
            )}
          </Fieldset>
          {create.error ? (
            <Stack gap="xs">
              <ErrorAlert error={create.error} title={t('people.intake.createFailed')} />
              {networkFailed && <Text size="sm">{t('people.intake.retrySafe')}</Text>}
            </Stack>
          ) : null}
          <Stack gap="xs">
            {blockedBy && (
              <Text size="sm" id="register-blocked" fw={600}>
                {t(`people.intake.blocked.${blockedBy}`)}
              </Text>
            )}
            <Button
              type="submit"
              size="md"
              loading={create.isPending}
              disabled={blockedBy !== undefined}
              aria-describedby={blockedBy ? 'register-blocked' : undefined}
              fullWidth
              maw={{ sm: 320 }}
            >
              {t('people.intake.register')}
            </Button>
          </Stack>
        </Stack>
      </form>
    </IntakeFormProvider>
  );
}
