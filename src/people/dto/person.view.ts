import { ApiProperty } from '@nestjs/swagger';
import type { CaseStatus } from '../workflow/case-workflow';
import type { ConsentType, RecruitedVia, Sex, Vulnerability } from './person-fields';

export class NationalityClaimView {
  code: string;
  verified: boolean;
}

export class ConsentsView {
  services: boolean;
  consularNotification: boolean;
  shareWithPartners: boolean;
  research: boolean;
}

/** A person as caseworkers see it. After erasure every personal field is null and `erased` true. */
export class PersonView {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  erased: boolean;
  erasedAt: string | null;
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  aliases: string[] | null;
  sex: Sex;
  dateOfBirth: string | null;
  estimatedAge: number | null;
  nationalities: NationalityClaimView[];
  languages: string[] | null;
  compoundId: string | null;
  recruitedVia: RecruitedVia | null;
  traffickedAt: string | null;
  rescuedAt: string;
  rescuePlace: string | null;
  vulnerabilities: Vulnerability[] | null;
  documentNumber: string | null;
  narrative: string | null;
  consents: ConsentsView;
  assignedCaseworkerId: string | null;
  closedReason: string | null;
  departedAt: string | null;
  receivedHomeAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A row of a people list: enough to recognise the person and open the case. The document number
 * and narrative are shown only on the single record (each read of which is audited).
 */
export class PersonSummaryView {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  erased: boolean;
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  sex: Sex;
  dateOfBirth: string | null;
  estimatedAge: number | null;
  nationalities: NationalityClaimView[];
  compoundId: string | null;
  rescuedAt: string;
  createdAt: string;
}

export class PersonPageView {
  items: PersonSummaryView[];
  nextCursor: string | null;
}

export const HISTORY_EVENT_TYPES = [
  'handover',
  'consular_notification',
  'consular_acknowledgement',
  'identity_verification',
  'travel_document',
] as const;
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

export class HistoryEventRefView {
  @ApiProperty({ enum: HISTORY_EVENT_TYPES })
  type: HistoryEventType;
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class HistoryEntryView {
  id: string;
  kind: 'created' | 'status_change' | 'field_change' | 'erased' | 'event';
  at: string;
  actorId: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  reason: string | null;
  note: string | null;
  /** Names of the fields changed; never their values. */
  fields: string[];
  /** The event behind this entry: a handover, a consular notification or an embassy's action. */
  event: HistoryEventRefView | null;
}

export class HistoryPageView {
  items: HistoryEntryView[];
  nextCursor: string | null;
}

export class ConsentView {
  id: string;
  personId: string;
  type: ConsentType;
  granted: boolean;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
  /** The person's current consents after this one. */
  consents: ConsentsView;
  /** The person's new version. */
  version: number;
}

export class AccessLogEntryView {
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  requestId: string | null;
}

export class AccessLogPageView {
  items: AccessLogEntryView[];
  nextCursor: string | null;
}

export class DuplicatePersonView {
  id: string;
  caseNumber: string;
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  dateOfBirth: string | null;
  nationalities: NationalityClaimView[];
}

export class DuplicateCandidateView {
  person: DuplicatePersonView;
  /** 0..1, 1 for an exact document-number match. */
  score: number;
  /** Why it was matched, e.g. `document_number`, `name`, `name_swapped`, `date_of_birth`, `nationality`. */
  reasons: string[];
}

export class DuplicatesView {
  items: DuplicateCandidateView[];
}
