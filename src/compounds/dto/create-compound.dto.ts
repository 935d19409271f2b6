import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  IsName,
  IsOptionalNotNull,
  IsPastDate,
  NameText,
  NormalizedText,
  NormalizedTextArray,
} from '../../common/validators';
import { COMPOUND_LIMITS, COMPOUND_STATUSES, type CompoundStatus } from './compound-fields';

/**
 * Fields shared by POST and PATCH. In PATCH each may be left out, and those that can be unknown may
 * be cleared with null.
 */
export class CompoundFieldsDto {
  /** Other names the compound goes by (operator names, local names, other spellings). */
  @ApiPropertyOptional({ type: [String], maxItems: COMPOUND_LIMITS.aliases })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(COMPOUND_LIMITS.aliases)
  @NormalizedTextArray()
  @IsString({ each: true })
  @Length(1, COMPOUND_LIMITS.name, { each: true })
  @IsName({ each: true })
  @ArrayUnique({ message: 'each alias may be listed once' })
  aliases?: string[];

  /** e.g. "Kokang SAZ, Shan State". */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, COMPOUND_LIMITS.place)
  region?: string | null;

  /** e.g. "Laukkaing". */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, COMPOUND_LIMITS.place)
  town?: string | null;

  /** WGS 84 degrees; give it together with longitude. */
  @ApiPropertyOptional({ type: Number, minimum: -90, maximum: 90, nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  /** WGS 84 degrees; give it together with latitude. */
  @ApiPropertyOptional({ type: Number, minimum: -180, maximum: 180, nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  /** The armed group or operator in control. */
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, COMPOUND_LIMITS.place)
  controlledBy?: string | null;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, COMPOUND_LIMITS.notes)
  notes?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2021-06-01' })
  @IsOptional()
  @IsPastDate()
  firstReportedOn?: string | null;

  /** Not before firstReportedOn. */
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2023-11-19' })
  @IsOptional()
  @IsPastDate()
  lastReportedOn?: string | null;
}

export class CreateCompoundDto extends CompoundFieldsDto {
  @NameText(COMPOUND_LIMITS.name)
  name: string;

  /** Where the compound is: ISO 3166-1 alpha-3. */
  @ApiProperty({ example: 'MMR', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'countryCode must be an alpha-3 country code' })
  countryCode: string;

  @ApiProperty({ enum: COMPOUND_STATUSES })
  @IsIn(COMPOUND_STATUSES)
  status: CompoundStatus;
}
