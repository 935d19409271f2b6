import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { IsOptionalNotNull, IsPastTimestamp, NormalizedText } from '../../common/validators';
import { CASE_STATUSES, type CaseStatus, CLOSE_REASONS } from '../workflow/case-workflow';
import { CONSENT_TYPES, type ConsentType, LIMITS } from './person-fields';

/** For `closed`: required, one of CLOSE_REASONS. For any other target: optional, up to 200 characters. */
function IsTransitionReason() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTransitionReason',
      target: object.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) =>
          (args.object as TransitionDto).to === 'closed'
            ? `closing needs a reason, one of: ${CLOSE_REASONS.join(', ')}`
            : 'reason must be a string of at most 200 characters',
      },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (args.object as TransitionDto).to === 'closed'
            ? (CLOSE_REASONS as readonly unknown[]).includes(value)
            : value === undefined || (typeof value === 'string' && value.length >= 1 && value.length <= 200),
      },
    });
}

export class TransitionDto {
  @IsIn(CASE_STATUSES, { message: `to must be one of: ${CASE_STATUSES.join(', ')}` })
  to: CaseStatus;

  /** Required for `closed`: reintegrated, lost_contact, declined, transferred, deceased or not_victim. */
  @IsTransitionReason()
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
