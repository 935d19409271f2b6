import { ApiProperty } from '@nestjs/swagger';
import {
  HANDOVER_OUTCOMES,
  HANDOVER_TYPES,
  type HandoverOutcome,
  type HandoverType,
  OFFENCE_REASONS,
  type OffenceReason,
} from '../handover-kinds';

export class HandoverPersonView {
  @ApiProperty({ format: 'uuid' })
  personId: string;
  caseNumber: string;
  @ApiProperty({ enum: HANDOVER_OUTCOMES })
  outcome: HandoverOutcome;
}

export class OutcomeCountsView {
  handed_over: number;
  absent: number;
  declined: number;
}

export class NationalityCountView {
  /** Alpha-3 nationality code. */
  code: string;
  count: number;
}

/** Head counts over the people the caller may see; a dual national counts in each of their rows. */
export class HandoverSummaryView {
  people: number;
  byOutcome: OutcomeCountsView;
  /** Largest first, then by code. An embassy sees its own countries' rows only. */
  @ApiProperty({ type: [NationalityCountView] })
  byNationality: NationalityCountView[];
}

/** A handover event as a list shows it: its people are counted, not listed (GET /handovers/:id lists them). */
export class HandoverEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: HANDOVER_TYPES })
  type: HandoverType;
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
  place: string;
  countryCode: string;
  fromParty: string;
  toParty: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  consularContactId: string | null;
  /** Always null for an embassy. */
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  createdBy: string | null;
  summary: HandoverSummaryView;
}

/** One event with its people (an embassy: only the people it may see). */
export class HandoverView extends HandoverEventView {
  @ApiProperty({ type: [HandoverPersonView] })
  people: HandoverPersonView[];
}

export class HandoverPageView {
  @ApiProperty({ type: [HandoverEventView] })
  items: HandoverEventView[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class HandoverOffenderView {
  @ApiProperty({ format: 'uuid' })
  personId: string;
  @ApiProperty({ enum: OFFENCE_REASONS })
  reason: OffenceReason;
}

/** The answer to `?dryRun=true`: what the same body would do, nothing written. */
export class HandoverDryRunView {
  /** True when the real request would be recorded. */
  valid: boolean;
  /** People who would go through, in request order. */
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  eligible: string[];
  /** Everyone who makes the event refused, in request order (the 422's `details`). */
  @ApiProperty({ type: [HandoverOffenderView] })
  offenders: HandoverOffenderView[];
  /** Counts over the eligible people: the event as it would be recorded without the offenders. */
  summary: HandoverSummaryView;
}
