import { ApiProperty } from '@nestjs/swagger';
import type { CaseStatus } from '../workflow/case-workflow';
import type { Sex } from './person-fields';
import { NationalityClaimView } from './person.view';

/**
 * A person as an embassy sees them (DESIGN.md §4): enough to verify identity and issue a travel
 * document, nothing of what happened to them (never the narrative), and only the nationalities the
 * officer acts for (a second nationality is not the embassy's business).
 */
export class ConsularPersonView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  caseNumber: string;
  givenName: string | null;
  familyName: string | null;
  nameNative: string | null;
  sex: Sex;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  dateOfBirth: string | null;
  estimatedAge: number | null;
  nationalities: NationalityClaimView[];
  status: CaseStatus;
  documentNumber: string | null;
  @ApiProperty({ format: 'date-time' })
  rescuedAt: string;
  version: number;
}
