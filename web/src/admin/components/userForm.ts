import type { Role } from '../hooks/useUsers';

export const ROLES: Role[] = ['admin', 'supervisor', 'caseworker', 'consular', 'analyst', 'donor'];

/** The API's password rule (API.md "Users"): 12 to 128 characters, not only spaces. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const DISPLAY_NAME_MAX = 200;

export interface UserDraft {
  email: string;
  displayName: string;
  password: string;
  role: Role | '';
  nationalities: string[];
}

/** Catalogue keys under `admin.users.errors`, by field. */
export type UserDraftErrors = Partial<Record<keyof UserDraft, string>>;

/** A consular officer acts for one or more countries; every other role has none (else the API answers 400). */
export function needsNationalities(role: Role | '' | undefined): boolean {
  return role === 'consular';
}

export function validatePassword(password: string): string | undefined {
  if (password.trim() === '') return 'passwordRequired';
  if (password.length < PASSWORD_MIN) return 'passwordTooShort';
  if (password.length > PASSWORD_MAX) return 'passwordTooLong';
  return undefined;
}

/**
 * The contract's rules for a user, checked before sending so each shows beside its field; the API
 * checks again (a common password, a taken email), and its answer wins. `creating` adds the email
 * and the temporary password, which an edit does not touch.
 */
export function validateUser(draft: UserDraft, creating: boolean): UserDraftErrors {
  const errors: UserDraftErrors = {};
  if (creating) {
    if (!draft.email.trim()) errors.email = 'emailRequired';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) errors.email = 'emailInvalid';
    const password = validatePassword(draft.password);
    if (password) errors.password = password;
  }
  if (!draft.displayName.trim()) errors.displayName = 'displayNameRequired';
  else if (draft.displayName.trim().length > DISPLAY_NAME_MAX) errors.displayName = 'displayNameTooLong';
  if (!draft.role) errors.role = 'roleRequired';
  if (needsNationalities(draft.role) && draft.nationalities.length === 0)
    errors.nationalities = 'nationalitiesRequired';
  return errors;
}

/**
 * Nationalities go only with a consular role: any picked before the role changed are dropped. A new
 * user of another role sends none; an edit sends `[]`, which clears a former officer's countries.
 */
export function nationalitiesFor(draft: Pick<UserDraft, 'role' | 'nationalities'>, creating: boolean) {
  if (needsNationalities(draft.role)) return draft.nationalities;
  return creating ? undefined : [];
}
