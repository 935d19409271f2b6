import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor sign-in (TOTP). `users.mfa_secret_enc` (in the schema since the start) holds the
 * sealed secret from enrolment on; `mfa_enabled_at` is set when a first code proves the
 * authenticator works, so a secret without it is a pending enrolment that signs nobody in.
 * `mfa_last_step` is the last TOTP time step accepted, so a code works once. Recovery codes are
 * kept as keyed digests, each spent once. A sign-in that passed the password and waits for its
 * second factor is an `mfa_challenges` row, kept as sha256 of the token handed out.
 */
export class AddTwoFactorSignIn1764600000500 implements MigrationInterface {
  name = 'AddTwoFactorSignIn1764600000500';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN mfa_enabled_at timestamptz(3),
      ADD COLUMN mfa_last_step bigint,
      ADD CONSTRAINT users_mfa_enabled_has_secret CHECK (mfa_enabled_at IS NULL OR mfa_secret_enc IS NOT NULL)`);
    await q.query(`
      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_digest text NOT NULL,
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (user_id, code_digest)
      )`);
    await q.query(`
      CREATE TABLE mfa_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mfa_challenges_user_idx ON mfa_challenges (user_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_challenges`);
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_mfa_enabled_has_secret,
      DROP COLUMN mfa_last_step, DROP COLUMN mfa_enabled_at`);
  }
}
