import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, type CaseStatus } from '../workflow/case-workflow';
import { ActorView } from '../../users/dto/actor.view';
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
  @ApiProperty({ format: 'uuid' })
  id: string;
  caseNumber: string;
  status: CaseStatus;
  /**
   * The targets the caller may choose now through POST /people/:id/transitions (the workflow graph,
   * a hold's return and the caller's role applied); empty for an erased person.
   */
  @ApiProperty({ enum: CASE_STATUSES, isArray: true })
  allowedTransitions: CaseStatus[];
  version: number;
  erased: boolean;
  @ApiProperty({ format: 'date-time' })
  erasedAt: string | null;
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  aliases: string[] | null;
  sex: Sex;
  @ApiProperty({ format: 'date' })
  dateOfBirth: string | null;
  estimatedAge: number | null;
  nationalities: NationalityClaimView[];
  languages: string[] | null;
  @ApiProperty({ format: 'uuid' })
  compoundId: string | null;
  recruitedVia: RecruitedVia | null;
  @ApiProperty({ format: 'date-time' })
  traffickedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  rescuedAt: string;
  rescuePlace: string | null;
  vulnerabilities: Vulnerability[] | null;
  documentNumber: string | null;
  narrative: string | null;
  consents: ConsentsView;
  @ApiProperty({ format: 'uuid' })
  assignedCaseworkerId: string | null;
  closedReason: string | null;
  @ApiProperty({ format: 'date-time' })
  departedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  receivedHomeAt: string | null;
  @ApiProperty({ format: 'date-time' })
  closedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/**
 * A row of a people list: enough to recognise the person and open the case. The document number
 * and narrative are shown only on the single record (each read of which is audited).
 */
export class PersonSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  erased: boolean;
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  sex: Sex;
  @ApiProperty({ format: 'date' })
  dateOfBirth: string | null;
  estimatedAge: number | null;
  nationalities: NationalityClaimView[];
  @ApiProperty({ format: 'uuid' })
  compoundId: string | null;
  @ApiProperty({ format: 'date-time' })
  rescuedAt: string;
  /** Null once erased. */
  vulnerabilities: Vulnerability[] | null;
  @ApiProperty({ format: 'uuid' })
  assignedCaseworkerId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  /** In overdue lists: when the case passed its stage's target (entry into the status + the target). */
  @ApiProperty({ format: 'date-time', required: false })
  overdueSince?: string;
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

/** `count` exact up to 10,000; beyond, `count` is null and `atLeast` 10000. */
export class PeopleCountView {
  @ApiProperty({ type: Number, nullable: true })
  count: number | null;
  @ApiProperty({ required: false })
  atLeast?: number;
}

export class HistoryEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  kind: 'created' | 'status_change' | 'field_change' | 'erased' | 'event';
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ format: 'uuid' })
  actorId: string | null;
  /** Who made the change (their current role); null for a change no user made. */
  actor: ActorView | null;
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
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  personId: string;
  type: ConsentType;
  granted: boolean;
  /** When the person gave this answer (now, unless recorded later from paper). */
  @ApiProperty({ format: 'date-time' })
  givenAt: string;
  note: string | null;
  /** Who recorded it: the caller. */
  recordedBy: ActorView;
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
  /** The person's current consents after this one. */
  consents: ConsentsView;
  /** The person's new version. */
  version: number;
}

/** One grant or withdrawal, as the evidence of what the person agreed to and when. */
export class ConsentEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  type: ConsentType;
  /** `false`: a withdrawal. */
  granted: boolean;
  /** When the person gave the answer; the current answer per type is the latest given. */
  @ApiProperty({ format: 'date-time' })
  givenAt: string;
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
  /** Who recorded it (their current role); null for answers loaded without a user. */
  recordedBy: ActorView | null;
  /** Wiped when the person is erased. */
  note: string | null;
}

export class ConsentPageView {
  items: ConsentEntryView[];
  nextCursor: string | null;
}

export class AccessLogEntryView {
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ format: 'uuid' })
  actorId: string | null;
  actorRole: string | null;
  /** Who acted, with the role recorded at the time; null when nobody was signed in. */
  actor: ActorView | null;
  action: string;
  outcome: string;
  requestId: string | null;
}

export class AccessLogPageView {
  items: AccessLogEntryView[];
  nextCursor: string | null;
}

export class DuplicatePersonView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  caseNumber: string;
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  @ApiProperty({ format: 'date' })
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
