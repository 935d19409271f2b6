import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../common/like';
import type { Keyset } from '../common/pagination';
import { CASE_STAFF, type Role } from '../common/roles';
import type { ActorView } from './dto/actor.view';
import type { UserView } from './dto/user.view';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  must_change_password: boolean;
  mfa_enabled: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  nationalities: string[];
}

const SELECT_USER = `
  SELECT u.id, u.email, u.display_name, u.role, u.disabled, u.must_change_password, u.version,
         u.created_at, u.updated_at, u.mfa_enabled_at IS NOT NULL AS mfa_enabled,
         coalesce((SELECT array_agg(un.nationality_code::text ORDER BY un.nationality_code)
                     FROM user_nationalities un WHERE un.user_id = u.id), '{}') AS nationalities
    FROM users u`;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    nationalities: row.nationalities,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface UsersFilter {
  role?: Role;
  q?: string;
  disabled?: boolean;
}

/** SQL for users; the rules live in UsersService. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserView | undefined> {
    const [row] = (await manager.query(`${SELECT_USER} WHERE u.id = $1`, [id])) as UserRow[];
    return row && toUserView(row);
  }

  /** Newest first, keyset-paged on (created_at, id), with the list's filters. */
  async page(
    limit: number,
    after: Keyset | undefined,
    filter: UsersFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserView[]> {
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (after) where.push(`(u.created_at, u.id) < (${bind(after.at)}::timestamptz, ${bind(after.id)}::uuid)`);
    if (filter.role) where.push(`u.role = ${bind(filter.role)}`);
    if (filter.disabled !== undefined) where.push(`u.disabled = ${bind(filter.disabled)}`);
    if (filter.q) {
      const pattern = bind(`%${escapeLike(filter.q)}%`);
      where.push(`(u.email ILIKE ${pattern} OR u.display_name ILIKE ${pattern})`);
    }
    const rows = (await manager.query(
      `${SELECT_USER} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY u.created_at DESC, u.id DESC LIMIT ${bind(limit + 1)}`,
      params,
    )) as UserRow[];
    return rows.map(toUserView);
  }

  /**
   * The caller behind a request, if the account still exists and is not disabled, and whether
   * two-factor sign-in is on (which the view never shows: it stays between the user and the app).
   */
  async findActive(id: string): Promise<(UserView & { mfaEnabled: boolean }) | undefined> {
    const [row] = (await this.dataSource.query(`${SELECT_USER} WHERE u.id = $1 AND NOT u.disabled`, [
      id,
    ])) as UserRow[];
    return row && { ...toUserView(row), mfaEnabled: row.mfa_enabled };
  }

  async idByEmail(manager: EntityManager, email: string): Promise<string | undefined> {
    const [row] = (await manager.query('SELECT id FROM users WHERE lower(email) = lower($1)', [email])) as {
      id: string;
    }[];
    return row?.id;
  }

  /** For sign-in only: the one place the password hash is read. */
  async findCredentials(
    email: string,
  ): Promise<
    { id: string; role: Role; passwordHash: string; disabled: boolean; mfaEnabled: boolean } | undefined
  > {
    const [row] = (await this.dataSource.query(
      `SELECT id, role, password_hash, disabled, mfa_enabled_at IS NOT NULL AS mfa_enabled
         FROM users WHERE lower(email) = lower($1)`,
      [email],
    )) as { id: string; role: Role; password_hash: string; disabled: boolean; mfa_enabled: boolean }[];
    return (
      row && {
        id: row.id,
        role: row.role,
        passwordHash: row.password_hash,
        disabled: row.disabled,
        mfaEnabled: row.mfa_enabled,
      }
    );
  }

  async insert(
    manager: EntityManager,
    user: { email: string; displayName: string; passwordHash: string; role: Role; nationalities: string[] },
  ): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
      [user.email, user.displayName, user.passwordHash, user.role],
    )) as { id: string }[];
    await this.replaceNationalities(manager, id, user.nationalities);
    return id;
  }

  /** Optimistic update: false when the version moved on since the caller read it. */
  async update(
    manager: EntityManager,
    id: string,
    version: number,
    changes: { displayName?: string; role?: Role; disabled?: boolean },
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE users SET display_name = coalesce($3, display_name), role = coalesce($4, role),
              disabled = coalesce($5, disabled), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, version, changes.displayName ?? null, changes.role ?? null, changes.disabled ?? null],
    )) as [unknown, number];
    return affected === 1;
  }

  /**
   * A new password hash. `mustChange`: set by an admin's reset (the user must choose their own at
   * the next sign-in), cleared by the user's own change. The version moves on: the view shows the flag.
   */
  async setPassword(
    manager: EntityManager,
    id: string,
    passwordHash: string,
    mustChange: boolean,
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE users SET password_hash = $2, must_change_password = $3, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, passwordHash, mustChange],
    )) as [unknown, number];
    return affected === 1;
  }

  async replaceNationalities(manager: EntityManager, userId: string, codes: string[]): Promise<void> {
    await manager.query('DELETE FROM user_nationalities WHERE user_id = $1', [userId]);
    if (codes.length) {
      await manager.query(
        'INSERT INTO user_nationalities (user_id, nationality_code) SELECT $1, unnest($2::text[])',
        [userId, codes],
      );
    }
  }

  /** Active staff by name: who may be assigned a case or named as the one who acted. */
  async staffDirectory(manager: EntityManager): Promise<ActorView[]> {
    const rows = (await manager.query(
      `SELECT id, display_name, role FROM users
        WHERE NOT disabled AND role = ANY($1::text[])
        ORDER BY lower(display_name), id`,
      [CASE_STAFF],
    )) as { id: string; display_name: string; role: Role }[];
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
  }

  async count(manager: EntityManager): Promise<number> {
    const [{ n }] = (await manager.query('SELECT count(*)::int AS n FROM users')) as { n: number }[];
    return n;
  }
}
