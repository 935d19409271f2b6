import type { EventDetails } from './types';

const REQUIRED: (keyof EventDetails)[] = [
  'type',
  'occurredAt',
  'place',
  'countryCode',
  'fromParty',
  'toParty',
];

/**
 * What the form can tell before asking the API, as catalogue keys by field: required fields, and a
 * time that is not in the future (API.md: events are often recorded late, never early). The API
 * checks everything again; its answers are shown beside the fields too.
 */
export function validateDetails(
  values: EventDetails,
  now = Date.now(),
): Partial<Record<keyof EventDetails, string>> {
  const errors: Partial<Record<keyof EventDetails, string>> = {};
  for (const field of REQUIRED) if (!values[field].trim()) errors[field] = 'common.fieldErrors.required';
  if (values.occurredAt && !errors.occurredAt) {
    const at = new Date(values.occurredAt).getTime();
    if (Number.isNaN(at)) errors.occurredAt = 'common.fieldErrors.invalid_format';
    else if (at > now) errors.occurredAt = 'common.fieldErrors.not_in_future';
  }
  return errors;
}
