import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type PersonSummary = Schemas['PersonSummaryView'];
export type HandoverBody = Schemas['CreateHandoverDto'];
export type HandoverType = HandoverBody['type'];
export type DryRunAnswer = Schemas['HandoverDryRunView'];
export type Offender = Schemas['HandoverOffenderView'];
export type OffenceReason = Offender['reason'];
export type HandoverEvent = Schemas['HandoverEventView'];
export type RecordedHandover = Schemas['HandoverView'];
export type HandoverSummary = Schemas['HandoverSummaryView'];
export type NationalityCount = Schemas['NationalityCountView'];
export type Contact = Schemas['ContactView'];

/** What the builder keeps of each chosen person: enough to show them and to say why they are refused. */
export type SelectedPerson = Pick<
  PersonSummary,
  'id' | 'caseNumber' | 'givenName' | 'familyName' | 'nameNative' | 'nationalities' | 'status' | 'erased'
>;

/** The event types the builder records (API.md "Handovers"); rescues and transfers are listed only. */
export const BUILDER_TYPES = ['border_handover', 'repatriation_departure', 'arrival_home'] as const;

/** The event as typed in the form, before it becomes the API's body. */
export interface EventDetails {
  type: HandoverType | '';
  /** `YYYY-MM-DDTHH:mm` in the device's time zone (a datetime-local field). */
  occurredAt: string;
  place: string;
  countryCode: string;
  fromParty: string;
  toParty: string;
  consularContactId: string;
  notes: string;
}

export const EMPTY_DETAILS: EventDetails = {
  type: '',
  occurredAt: '',
  place: '',
  countryCode: '',
  fromParty: '',
  toParty: '',
  consularContactId: '',
  notes: '',
};
