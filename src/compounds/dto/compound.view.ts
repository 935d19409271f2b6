import { ApiProperty } from '@nestjs/swagger';
import { COMPOUND_STATUSES, type CompoundStatus } from './compound-fields';

/** A compound as the API shows it. Not personal data: reads are not audited. */
export class CompoundView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: [String] })
  aliases: string[];
  @ApiProperty({ example: 'MMR' })
  countryCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Kokang SAZ, Shan State' })
  region: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Laukkaing' })
  town: string | null;
  @ApiProperty({ type: Number, nullable: true, minimum: -90, maximum: 90 })
  latitude: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: -180, maximum: 180 })
  longitude: number | null;
  @ApiProperty({ type: String, nullable: true })
  controlledBy: string | null;
  @ApiProperty({ enum: COMPOUND_STATUSES })
  status: CompoundStatus;
  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  firstReportedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  lastReportedOn: string | null;
  @ApiProperty({ example: 1 })
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CompoundPageView {
  @ApiProperty({ type: [CompoundView] })
  items: CompoundView[];
  @ApiProperty({ type: String, nullable: true, description: 'Null on the last page, and always with `q`' })
  nextCursor: string | null;
}
