import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { IsOneOfWhen, IsOptionalNotNull, IsPastTimestamp, NormalizedText } from '../../common/validators';
import { CASE_STATUSES, type CaseStatus, CLOSE_REASONS } from '../workflow/case-workflow';
import { CONSENT_TYPES, type ConsentType, LIMITS } from './person-fields';

const closing = (o: Record<string, unknown>) => o.to === 'closed';

export class TransitionDto {
  @IsIn(CASE_STATUSES, { message: `to must be one of: ${CASE_STATUSES.join(', ')}` })
  to: CaseStatus;

  /** Required for `closed`: reintegrated, lost_contact, declined, transferred, deceased or not_victim. */
  @ValidateIf((o: Record<string, unknown>) => closing(o) || o.reason !== undefined)
  @IsString()
  @Length(1, 200)
  @IsOneOfWhen(closing, CLOSE_REASONS, {
    message: `closing needs a reason, one of: ${CLOSE_REASONS.join(', ')}`,
  })
  reason?: string;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.note)
  note?: string;
}

export class RecordConsentDto {
  @IsIn(CONSENT_TYPES)
  type: ConsentType;

  /** `false` records a withdrawal. */
  @IsBoolean()
  granted: boolean;

  /**
   * When the person gave this answer, for one taken on paper and recorded later; default now. Not in
   * the future, not before the person's rescuedAt.
   */
  @IsOptionalNotNull()
  @IsPastTimestamp()
  givenAt?: string;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.note)
  note?: string;
}
