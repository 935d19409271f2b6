import { ApiProperty } from '@nestjs/swagger';

/** A consular contact: who at which mission takes notifications for a country. */
export class ContactView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** The country the mission represents (alpha-3). */
  countryCode: string;
  mission: string;
  city: string | null;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  languages: string[];
  active: boolean;
  /** Where the mission sits, when it covers the host country from abroad (alpha-3). */
  accreditedFrom: string | null;
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ContactPageView {
  items: ContactView[];
  nextCursor: string | null;
}
