import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../common/roles';

/** Who did something, as a person reads it: a staff member's name and role, not only an id. */
export class ActorView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** `null` only for an id that names no account. */
  displayName: string | null;
  /** In audit entries and access logs, the role at the time of the act; elsewhere the current one. */
  @ApiProperty({ enum: ROLES, nullable: true })
  role: Role | null;
}

/** The active staff, for choosing an assignee and reading names: never emails or other roles. */
export class StaffDirectoryView {
  items: ActorView[];
}
