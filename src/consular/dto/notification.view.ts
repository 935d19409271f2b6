import { ApiProperty } from '@nestjs/swagger';
import { ConsularPersonView } from '../../people/dto/consular-person.view';
import { CHANNELS, type Channel, TRAVEL_DOCUMENT_TYPES, type TravelDocumentType } from './consular-fields';

export class TravelDocumentView {
  @ApiProperty({ enum: TRAVEL_DOCUMENT_TYPES })
  type: TravelDocumentType;
  /** Null once the person was erased. */
  number: string | null;
  @ApiProperty({ format: 'date' })
  expiresAt: string;
  @ApiProperty({ format: 'date-time' })
  issuedAt: string;
}

/** What an embassy sees of its own notification: dates and the document, no notes, no staff names. */
export class EmbassyNotificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  countryCode: string;
  @ApiProperty({ enum: CHANNELS })
  channel: Channel;
  @ApiProperty({ format: 'date-time' })
  notifiedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  acknowledgedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  identityVerifiedAt: string | null;
  @ApiProperty({ type: TravelDocumentView, nullable: true })
  travelDocument: TravelDocumentView | null;
}

/** A notification as caseworkers see it on the case page: who acted, when, and their notes. */
export class NotificationView extends EmbassyNotificationView {
  @ApiProperty({ format: 'uuid' })
  personId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  contactId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  acknowledgedBy: string | null;
  acknowledgementNote: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  identityVerifiedBy: string | null;
  identityVerificationNote: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  createdBy: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** The answer to recording a notification: the notification and the person's new version. */
export class CreatedNotificationView extends NotificationView {
  /** Send it as If-Match on the next change of the person. */
  personVersion: number;
}

export class NotificationPageView {
  items: NotificationView[];
  nextCursor: string | null;
}

/**
 * A case as the embassy sees it: the minimal person view and the latest notification to one of the
 * officer's countries (null when none was sent yet).
 */
export class ConsularCaseView extends ConsularPersonView {
  @ApiProperty({ type: EmbassyNotificationView, nullable: true })
  notification: EmbassyNotificationView | null;
}

export class ConsularCasePageView {
  items: ConsularCaseView[];
  nextCursor: string | null;
}
