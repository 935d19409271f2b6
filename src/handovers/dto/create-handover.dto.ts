import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import type { Request } from 'express';
import { IsPastTimestamp, NormalizedText } from '../../common/validators';
import {
  HANDOVER_LIMITS,
  HANDOVER_OUTCOMES,
  HANDOVER_TYPES,
  type HandoverOutcome,
  type HandoverType,
  MAX_PEOPLE_PER_EVENT,
} from '../handover-kinds';

/** Ids compare as text in the checks: `ABC…` and `abc…` are one person, listed twice. */
const LowerCase = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value));

export class HandoverPersonDto {
  @LowerCase()
  @IsUUID()
  personId: string;

  /** Default `handed_over`, the only outcome that can move a case. */
  @IsOptional()
  @IsIn(HANDOVER_OUTCOMES)
  outcome?: HandoverOutcome;
}

export class CreateHandoverDto {
  @IsIn(HANDOVER_TYPES)
  type: HandoverType;

  /** When it happened; often recorded late, never in the future, not checked against other events. */
  @ApiProperty({ format: 'date-time' })
  @IsPastTimestamp()
  occurredAt: string;

  /** E.g. "Friendship Bridge, Myawaddy – Mae Sot". */
  @NormalizedText()
  @IsString()
  @Length(1, HANDOVER_LIMITS.place)
  place: string;

  /** ISO 3166-1 alpha-3 of the country where it happened. */
  @Matches(/^[A-Z]{3}$/, { message: 'countryCode must be an alpha-3 country code' })
  countryCode: string;

  /** Who handed the people over, e.g. "MNDAA". */
  @NormalizedText()
  @IsString()
  @Length(1, HANDOVER_LIMITS.party)
  fromParty: string;

  /** Who received them, e.g. "Royal Thai Government". */
  @NormalizedText()
  @IsString()
  @Length(1, HANDOVER_LIMITS.party)
  toParty: string;

  /** The consular contact present, if any. */
  @IsOptional()
  @LowerCase()
  @IsUUID()
  consularContactId?: string | null;

  /** About the event, never about one person (embassies never see it). */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, HANDOVER_LIMITS.notes)
  notes?: string | null;

  @ApiProperty({ type: [HandoverPersonDto], minItems: 1, maxItems: MAX_PEOPLE_PER_EVENT })
  @IsArray()
  @ArrayMinSize(1, { message: 'at least one person is required' })
  @ArrayMaxSize(MAX_PEOPLE_PER_EVENT, { message: `at most ${MAX_PEOPLE_PER_EVENT} people in one event` })
  @ValidateNested({ each: true })
  @Type(() => HandoverPersonDto)
  people: HandoverPersonDto[];
}

/** `?dryRun=true` checks the body and writes nothing; only `true` and `false` are values. */
export class CreateHandoverQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Check only: 200 with what the same body would do' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/**
 * The same test as the query DTO, on the raw request: the idempotency interceptor runs before the
 * pipes and must let a dry run through without claiming its key.
 */
export const isDryRun = (req: Request): boolean => (req.query as Record<string, unknown>).dryRun === 'true';
