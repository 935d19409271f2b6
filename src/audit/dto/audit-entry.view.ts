import { ApiProperty } from '@nestjs/swagger';
import { ActorView } from '../../users/dto/actor.view';

export class AuditEntryView {
  /** Position in the chain; a string because it may outgrow a JSON number. */
  id: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ format: 'uuid' })
  actorId: string | null;
  actorRole: string | null;
  /** Who acted, with the role recorded at the time; null for an act by nobody signed in. */
  actor: ActorView | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export class AuditPageView {
  items: AuditEntryView[];
  nextCursor: string | null;
}

export class AuditVerifyView {
  valid: boolean;
  entries?: number;
  head?: string;
  /** Id of the first entry whose link or hash is wrong. */
  brokenAt?: string;
}
