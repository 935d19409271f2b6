import { describe, expect, it } from 'vitest';
import { nationalitiesFor, needsNationalities, type UserDraft, validateUser } from './userForm';

const draft: UserDraft = {
  email: 'officer@example.org',
  displayName: 'An Officer',
  password: 'a long temporary phrase',
  role: 'consular',
  nationalities: ['PHL'],
};

describe("the user form's rules", () => {
  it('requires at least one country for a consular officer, and none for other roles', () => {
    expect(needsNationalities('consular')).toBe(true);
    expect(needsNationalities('caseworker')).toBe(false);
    expect(validateUser({ ...draft, nationalities: [] }, true)).toEqual({
      nationalities: 'nationalitiesRequired',
    });
    expect(validateUser({ ...draft, role: 'analyst', nationalities: [] }, true)).toEqual({});
  });

  it('sends countries only with the consular role; an edit to another role clears them', () => {
    expect(nationalitiesFor(draft, true)).toEqual(['PHL']);
    expect(nationalitiesFor({ ...draft, role: 'donor' }, true)).toBeUndefined();
    expect(nationalitiesFor({ ...draft, role: 'donor' }, false)).toEqual([]);
  });

  it('checks email and temporary password when creating only', () => {
    const bad = { ...draft, email: 'not an email', password: 'short' };
    expect(validateUser(bad, true)).toEqual({ email: 'emailInvalid', password: 'passwordTooShort' });
    expect(validateUser(bad, false)).toEqual({});
    expect(validateUser({ ...draft, password: ' '.repeat(20) }, true).password).toBe('passwordRequired');
    expect(validateUser({ ...draft, password: 'x'.repeat(129) }, true).password).toBe('passwordTooLong');
  });

  it('requires a display name and a role', () => {
    expect(validateUser({ ...draft, displayName: '  ', role: '' }, false)).toEqual({
      displayName: 'displayNameRequired',
      role: 'roleRequired',
    });
  });
});
