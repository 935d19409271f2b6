import type { Role } from '../../common/roles';

/** A user as the API shows it: never the password hash or the MFA secret. */
export class UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  nationalities: string[];
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export class UserPageView {
  items: UserView[];
  nextCursor: string | null;
}
