import { createFormContext } from '@mantine/form';
import type { IntakeValues } from './intakeValues';

/** The intake form's state, shared by its sections without passing it down by hand. */
export const [IntakeFormProvider, useIntakeFormContext, useIntakeForm] = createFormContext<IntakeValues>();
