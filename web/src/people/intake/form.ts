import { createFormContext } from '@mantine/form';
import type { TFunction } from 'i18next';
import { fieldErrors } from '../../api/messages';
import { formFieldOf, type IntakeValues } from './intakeValues';
import { validateIntake } from './validateIntake';

/**
 * The intake form's state, shared by its sections without passing it down by hand. The case page's
 * "Edit details" is the same sections on the same state, filled in from the record.
 */
export const [IntakeFormProvider, useIntakeFormContext, useIntakeForm] = createFormContext<IntakeValues>();

/** What showApiFieldErrors needs of the form, whatever its transform. */
type IntakeForm = Pick<ReturnType<typeof useIntakeForm>, 'setFieldError'>;

/** The form's own checks (validateIntake), in the reader's language: `useIntakeForm({ validate })`. */
export const translatedIntakeChecks = (t: TFunction) => (values: IntakeValues) =>
  Object.fromEntries(Object.entries(validateIntake(values)).map(([field, key]) => [field, t(key)]));

/** The API's refusals of single fields (400 details) under the fields they name, in the reader's language. */
export function showApiFieldErrors(form: IntakeForm, error: unknown, t: TFunction): void {
  for (const [apiField, message] of Object.entries(fieldErrors(error))) {
    const field = formFieldOf(apiField);
    if (field) form.setFieldError(field, t(message.key, message.values));
  }
}
