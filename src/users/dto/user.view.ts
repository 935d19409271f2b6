import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '../../common/roles';

/** A user as the API shows it: never the password hash or the MFA secret. */
export class UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  email: string;
  displayName: string;
  role: Role;
  nationalities: string[];
  disabled: boolean;
  /** Set by an admin's password reset until the user chooses a new password. */
  mustChangePassword: boolean;
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class UserPageView {
  items: UserView[];
  nextCursor: string | null;
}
