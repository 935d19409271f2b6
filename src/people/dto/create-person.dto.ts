import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsName,
  IsOptionalNotNull,
  IsPastDate,
  IsPastTimestamp,
  NormalizedText,
  NormalizedTextArray,
  NotWith,
} from '../../common/validators';
import {
  LIMITS,
  RECRUITED_VIA,
  RecruitedVia,
  Sex,
  SEXES,
  VULNERABILITIES,
  Vulnerability,
} from './person-fields';

/** Two entries that differ only in case are one alias, or one language tag (`zh-Hans`, `zh-hans`). */
const foldCase = (value: unknown) => (typeof value === 'string' ? value.toLocaleLowerCase('und') : value);

export class NationalityClaimDto {
  /** ISO 3166-1 alpha-3, or XXA (stateless) / XXX (unknown). */
  @Matches(/^[A-Z]{3}$/, { message: 'code must be an alpha-3 nationality code' })
  code: string;

  /** Claimed (false, the default) or verified from a document or by the embassy. */
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

/** Each may be left out (not granted), never null: an answer is true or false (null reached the consents table). */
export class IntakeConsentsDto {
  @IsOptionalNotNull() @IsBoolean() services?: boolean;
  @IsOptionalNotNull() @IsBoolean() consularNotification?: boolean;
  @IsOptionalNotNull() @IsBoolean() shareWithPartners?: boolean;
  @IsOptionalNotNull() @IsBoolean() research?: boolean;
}

/** Fields shared by intake and edit; in PATCH each is optional and nullable ones may be cleared. */
export class PersonFieldsDto {
  /** As written on documents or as told, usually romanised. */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.name)
  @IsName()
  givenName?: string | null;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.name)
  @IsName()
  familyName?: string | null;

  /** The name in the person's own script (Thai, Burmese, Chinese, Khmer, ...). */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.name)
  @IsName()
  nameNative?: string | null;

  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIMITS.aliases)
  @NormalizedTextArray()
  @IsString({ each: true })
  @Length(1, LIMITS.name, { each: true })
  @IsName({ each: true })
  @ArrayUnique(foldCase, { message: 'each alias may be listed once (case aside)' })
  aliases?: string[];

  @IsOptional()
  @IsPastDate()
  @NotWith('estimatedAge')
  dateOfBirth?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  @NotWith('dateOfBirth')
  estimatedAge?: number | null;

  /** BCP 47 language tags, e.g. `th`, `my`, `zh-Hans`. */
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIMITS.languages)
  @ArrayUnique(foldCase, { message: 'each language may be listed once (case aside: BCP 47 tags ignore it)' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { each: true, message: 'each language must be a BCP 47 tag' })
  languages?: string[];

  @IsOptional()
  @IsUUID()
  compoundId?: string | null;

  @IsOptional()
  @IsIn(RECRUITED_VIA)
  recruitedVia?: RecruitedVia | null;

  @IsOptional()
  @IsPastTimestamp()
  traffickedAt?: string | null;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.place)
  rescuePlace?: string | null;

  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(VULNERABILITIES, { each: true })
  vulnerabilities?: Vulnerability[];

  /** Passport or ID number. Encrypted at rest; found again only by exact match. */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, LIMITS.documentNumber)
  documentNumber?: string | null;

  /** The caseworker in charge: an active admin, supervisor or caseworker (else 422 INVALID_ASSIGNEE). */
  @IsOptional()
  @IsUUID()
  assignedCaseworkerId?: string | null;

  /** The person's account. Encrypted at rest; never shown to embassies. */
  @IsOptional()
  @IsString()
  @Length(1, LIMITS.narrative)
  narrative?: string | null;
}

export class CreatePersonDto extends PersonFieldsDto {
  @IsIn(SEXES)
  sex: Sex;

  /** At least one; `XXX` when unknown. */
  @IsArray()
  @ArrayMinSize(1, { message: 'at least one nationality is required (XXX when unknown)' })
  @ArrayMaxSize(LIMITS.nationalities)
  @ValidateNested({ each: true })
  @Type(() => NationalityClaimDto)
  nationalities: NationalityClaimDto[];

  @IsPastTimestamp()
  rescuedAt: string;

  /** Consents given at intake; every type not given here is NOT granted. */
  @IsOptional()
  @ValidateNested()
  @Type(() => IntakeConsentsDto)
  consents?: IntakeConsentsDto;
}
