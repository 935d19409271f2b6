import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsOptionalNotNull, NameText, NormalizedText, NormalizedTextArray } from '../../common/validators';
import { CONTACT_LIMITS, LANGUAGE_TAG, PHONE_PATTERN } from './consular-fields';

const ALPHA3 = /^[A-Z]{3}$/;

/** The fields that are optional in both forms; `null` clears a nullable one. */
class ContactDetailsDto {
  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, CONTACT_LIMITS.city)
  city?: string | null;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(1, CONTACT_LIMITS.title)
  title?: string | null;

  @IsOptional()
  @NormalizedText()
  @IsString()
  @Length(3, CONTACT_LIMITS.phone)
  @Matches(PHONE_PATTERN, { message: 'phone must be a telephone number, e.g. +66 2 123 4567' })
  phone?: string | null;

  @IsOptional()
  @NormalizedText()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(CONTACT_LIMITS.email)
  email?: string | null;

  /** BCP 47 language tags the officer works in, e.g. `tl`, `en`. */
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CONTACT_LIMITS.languages)
  @ArrayUnique()
  @NormalizedTextArray()
  @Matches(LANGUAGE_TAG, { each: true, message: 'each language must be a BCP 47 tag' })
  languages?: string[];

  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  /** Alpha-3 code of the country where the mission sits, when it covers the host country from abroad. */
  @IsOptional()
  @Matches(ALPHA3, { message: 'accreditedFrom must be an alpha-3 country code' })
  accreditedFrom?: string | null;
}

export class CreateContactDto extends ContactDetailsDto {
  /** The country the mission represents (alpha-3). Fixed once created: see UpdateContactDto. */
  @Matches(ALPHA3, { message: 'countryCode must be an alpha-3 country code' })
  countryCode: string;

  /** The mission, e.g. "Embassy of the Philippines, Bangkok". */
  @NormalizedText()
  @IsString()
  @Length(1, CONTACT_LIMITS.mission)
  mission: string;

  /** The consular officer's name. */
  @NameText(CONTACT_LIMITS.name)
  name: string;
}

/**
 * Edits. `countryCode` is not among them (400 like any unknown field): notifications name a contact
 * for the country it represents, so a contact for another country is a new contact.
 */
export class UpdateContactDto extends ContactDetailsDto {
  @IsOptionalNotNull()
  @NormalizedText()
  @IsString()
  @Length(1, CONTACT_LIMITS.mission)
  mission?: string;

  @IsOptionalNotNull()
  @NameText(CONTACT_LIMITS.name)
  name?: string;
}

export class ListContactsQueryDto extends PageQueryDto {
  @IsOptional()
  @Matches(ALPHA3, { message: 'countryCode must be an alpha-3 country code' })
  countryCode?: string;
}
