import type { FieldEncryption } from '../common/crypto/field-encryption.service';
import type { EmbassyNotificationView, NotificationView, TravelDocumentView } from './dto/notification.view';
import type { NotificationRow } from './notifications.repository';

/** AAD name of the travel-document number: the ciphertext opens only in its own row. */
export const TRAVEL_DOCUMENT_NUMBER = 'consular_notifications.travel_document_number';

function travelDocument(row: NotificationRow, crypto: FieldEncryption): TravelDocumentView | null {
  if (!row.travel_document_type) return null;
  return {
    type: row.travel_document_type,
    number: crypto.open(TRAVEL_DOCUMENT_NUMBER, row.id, row.travel_document_number_enc),
    expiresAt: row.travel_document_expires_at!,
    issuedAt: row.travel_document_issued_at!.toISOString(),
  };
}

/** The embassy's view of its own notification: no notes, no staff. */
export function toEmbassyNotification(
  row: NotificationRow,
  crypto: FieldEncryption,
): EmbassyNotificationView {
  return {
    id: row.id,
    countryCode: row.country_code,
    channel: row.channel,
    notifiedAt: row.notified_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    identityVerifiedAt: row.identity_verified_at?.toISOString() ?? null,
    travelDocument: travelDocument(row, crypto),
  };
}

/** The case page's view: everything, notes and who acted included. */
export function toNotificationView(row: NotificationRow, crypto: FieldEncryption): NotificationView {
  return {
    ...toEmbassyNotification(row, crypto),
    personId: row.person_id,
    contactId: row.contact_id,
    acknowledgedBy: row.acknowledged_by,
    acknowledgementNote: row.acknowledgement_note,
    identityVerifiedBy: row.identity_verified_by,
    identityVerificationNote: row.identity_verification_note,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}
