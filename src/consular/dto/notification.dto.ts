import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsNotPastDate, IsPastTimestamp, NormalizedText } from '../../common/validators';
import { CASE_STATUSES, type CaseStatus } from '../../people/workflow/case-workflow';
import {
  type Channel,
  CHANNELS,
  NOTE_MAX,
  TRAVEL_DOCUMENT_NUMBER_MAX,
  TRAVEL_DOCUMENT_TYPES,
  type TravelDocumentType,
} from './consular-fields';

/** A caseworker records that an embassy was told about a person (at the person's request). */
export class CreateNotificationDto {
  /** The country notified (alpha-3): one of the person's nationalities. */
  @Matches(/^[A-Z]{3}$/, { message: 'countryCode must be an alpha-3 country code' })
  countryCode: string;

  /** The contact told, if known; must represent `countryCode`. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @IsIn(CHANNELS)
  channel: Channel;

  /** When the embassy was told: not in the future, not before the rescue. */
  @ApiProperty({ format: 'date-time' })
  @IsPastTimestamp()
  notifiedAt: string;
}

export class AcknowledgeDto {
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, NOTE_MAX)
  note?: string;
}

export class IdentityVerificationDto {
  /** Must be `true`: an embassy that cannot verify says so outside this route, it does not unverify. */
  @ApiProperty({ type: Boolean, enum: [true] })
  @Equals(true, { message: 'verified must be true' })
  verified: true;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, NOTE_MAX)
  note?: string;
}

export class TravelDocumentDto {
  @IsIn(TRAVEL_DOCUMENT_TYPES)
  type: TravelDocumentType;

  /** Encrypted at rest; found again only by exact match. */
  @NormalizedText()
  @IsString()
  @Length(1, TRAVEL_DOCUMENT_NUMBER_MAX)
  number: string;

  /** The day the document expires: today or later. */
  @ApiProperty({ format: 'date' })
  @IsNotPastDate()
  expiresAt: string;
}

export class ListCasesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}
