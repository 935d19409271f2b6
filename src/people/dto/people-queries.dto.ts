import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate, NormalizedText } from '../../common/validators';
import { CASE_STATUSES, type CaseStatus } from '../workflow/case-workflow';
import { LIMITS } from './person-fields';

export class ListPeopleQueryDto extends PageQueryDto {
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'nationality must be an alpha-3 code' })
  nationality?: string;

  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @IsOptional()
  @IsUUID()
  compoundId?: string;

  /** Part of a given, family, native name or alias; case and accents ignored. */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.name)
  q?: string;

  /** Rescued on or after this day (UTC). */
  @IsOptional()
  @IsCalendarDate()
  rescuedFrom?: string;

  /** Rescued on or before this day, the whole day (UTC). */
  @IsOptional()
  @IsCalendarDate()
  rescuedTo?: string;
}

export class DuplicatesQueryDto {
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.name)
  givenName?: string;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.name)
  familyName?: string;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.name)
  nameNative?: string;

  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'nationality must be an alpha-3 code' })
  nationality?: string;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.documentNumber)
  documentNumber?: string;
}
