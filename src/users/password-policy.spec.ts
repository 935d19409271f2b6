import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AcceptablePassword, COMMON_PASSWORD_COUNT, isCommonPassword } from './password-policy';

class Body {
  @AcceptablePassword()
  password: string;
}

const failures = (password: unknown) =>
  validateSync(plainToInstance(Body, { password })).flatMap((e) => Object.keys(e.constraints ?? {}));

describe('password policy', () => {
  it('holds at least the 10,000 most common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
  });

  it('knows long common passwords, whatever their case and surrounding spaces', () => {
    for (const p of ['password1234', 'qwerty123456', '1qaz2wsx3edc', 'PassWord1234', ' password1234 ']) {
      expect({ p, common: isCommonPassword(p) }).toEqual({ p, common: true });
    }
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
  });

  it('accepts 12 to 128 characters, counted as characters, not UTF-16 units', () => {
    expect(failures('a'.repeat(12))).toEqual([]);
    expect(failures('x'.repeat(128))).toEqual([]);
    expect(failures('😀'.repeat(12))).toEqual([]);
    expect(failures('abcdefghijk')).toEqual(['isLength']);
    expect(failures('x'.repeat(129))).toEqual(['isLength']);
  });

  it('refuses a password of whitespace only, a common one and a non-string', () => {
    expect(failures(' '.repeat(14))).toEqual(['matches']);
    expect(failures('password1234')).toEqual(['isNotCommonPassword']);
    expect(failures(123456789012)).toEqual(expect.arrayContaining(['isString']));
  });
});
