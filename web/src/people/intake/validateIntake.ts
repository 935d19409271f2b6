import type { IntakeValues } from './intakeValues';

/** Message keys of what the form checks before sending (the API checks the rest, and again these). */
export type IntakeErrors = Partial<Record<keyof IntakeValues, string>>;

const inFuture = (value: string) => {
  const date = new Date(value.length === 10 ? `${value}T00:00` : value);
  return !Number.isNaN(date.getTime()) && date.getTime() > Date.now();
};

export function validateIntake(values: IntakeValues): IntakeErrors {
  const errors: IntakeErrors = {};
  if (!values.sex) errors.sex = 'common.fieldErrors.required';
  if (values.nationalities.length === 0) errors.nationalities = 'people.intake.errors.nationalityRequired';
  if (!values.rescuedAt) errors.rescuedAt = 'common.fieldErrors.required';
  else if (inFuture(values.rescuedAt)) errors.rescuedAt = 'common.fieldErrors.not_in_future';
  if (values.ageBy === 'dateOfBirth' && values.dateOfBirth && inFuture(values.dateOfBirth)) {
    errors.dateOfBirth = 'common.fieldErrors.not_in_future';
  }
  if (values.traffickedOn && inFuture(values.traffickedOn)) {
    errors.traffickedOn = 'common.fieldErrors.not_in_future';
  }
  const age = values.estimatedAge;
  if (values.ageBy === 'estimatedAge' && age !== '' && !(Number(age) >= 0 && Number(age) <= 120)) {
    errors.estimatedAge = 'people.intake.errors.age';
  }
  return errors;
}
