import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate, NormalizedText } from '../../common/validators';
import { CASE_STATUSES, type CaseStatus } from '../workflow/case-workflow';
import { LIMITS, VULNERABILITIES, type Vulnerability } from './person-fields';

/** `a,b` (and a repeated parameter) as a list; empty items stay, to be refused by the rules. */
const CommaSeparated = () =>
  Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value : [value]).flatMap((v: unknown) =>
      typeof v === 'string' ? v.split(',').map((item) => item.trim()) : [v],
    ),
  );

export const LIST_SORTS = ['rescuedAt', 'updatedAt', 'caseNumber'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** `me`, `none` or a user's id. */
const ASSIGNEE = /^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The filters of the people list, shared by the list and its count. */
export class PeopleFiltersDto {
  /** Alpha-3 codes, comma-separated: people holding any of them. */
  @ApiPropertyOptional({
    type: [String],
    example: ['THA', 'PHL'],
    description: 'Several values comma-separated in one parameter, e.g. THA,PHL',
  })
  @IsOptional()
  @CommaSeparated()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'each nationality must be an alpha-3 code' })
  nationality?: string[];

  /** Case statuses, comma-separated: cases in any of them. */
  @ApiPropertyOptional({
    type: [String],
    example: ['presumed_victim', 'consular_notified'],
    description: 'Several values comma-separated in one parameter, e.g. presumed_victim,consular_notified',
  })
  @IsOptional()
  @CommaSeparated()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @IsOptional()
  @IsUUID()
  compoundId?: string;

  /** Vulnerabilities, comma-separated: people with any of them. */
  @ApiPropertyOptional({
    type: [String],
    example: ['minor', 'medical'],
    description: 'Several values comma-separated in one parameter, e.g. minor,medical',
  })
  @IsOptional()
  @CommaSeparated()
  @ArrayMaxSize(VULNERABILITIES.length)
  @IsIn(VULNERABILITIES, { each: true })
  vulnerability?: Vulnerability[];

  /** `me` (the caller), `none` (nobody yet) or a user's id. */
  @IsOptional()
  @IsString()
  @Matches(ASSIGNEE, { message: 'assignedTo must be me, none or a user id' })
  assignedTo?: string;

  /** Only cases past their stage's target (oldest first unless `sort` says otherwise). */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  /**
   * Name words in any order (given, family, native names and aliases; case and accents ignored; a
   * word of one or two letters matches a whole word), their spelling variants, a name in Chinese
   * characters or Thai script through its romanisation, or a case number exactly.
   */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.nameQuery)
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

class ListOrderDto {
  /** Default: newest created first (overdue lists: oldest overdue first). */
  @IsOptional()
  @IsIn(LIST_SORTS)
  sort?: ListSort;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class ListPeopleQueryDto extends IntersectionType(PeopleFiltersDto, PageQueryDto, ListOrderDto) {}

export class DuplicatesQueryDto {
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.nameQuery)
  givenName?: string;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.nameQuery)
  familyName?: string;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.nameQuery)
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
