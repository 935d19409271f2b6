import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsPastTimestamp } from '../../common/validators';
import { type Channel, CHANNELS } from './consular-fields';

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
