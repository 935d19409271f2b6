import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: an admin's password reset makes the user choose a new password before anything else
 * (`users.must_change_password`), and sign-ins ended for a disable, a reset, a change of password or
 * an admin's revocation say so in `auth_sessions.revoked_reason`.
 */
export class AddMustChangePassword1764400000000 implements MigrationInterface {
  name = 'AddMustChangePassword1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE auth_sessions DROP CONSTRAINT auth_sessions_revoked_reason_check`);
    await q.query(`ALTER TABLE auth_sessions ADD CONSTRAINT auth_sessions_revoked_reason_check
      CHECK (revoked_reason IN ('logout','refresh_token_reuse','admin','disabled','password_reset','password_change'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_sessions DROP CONSTRAINT auth_sessions_revoked_reason_check`);
    await q.query(`UPDATE auth_sessions SET revoked_reason = 'admin'
      WHERE revoked_reason IN ('disabled','password_reset','password_change')`);
    await q.query(`ALTER TABLE auth_sessions ADD CONSTRAINT auth_sessions_revoked_reason_check
      CHECK (revoked_reason IN ('logout','refresh_token_reuse','admin'))`);
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
