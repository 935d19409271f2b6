import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_ACTOR } from '../common/audit-trail';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { expectedVersion, versionMismatch } from '../common/if-match';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { Role } from '../common/roles';
import { AppConfig } from '../config/app-config';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { StaffDirectoryView } from './dto/actor.view';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserView } from './dto/user.view';
import { UsersQueryDto } from './dto/users-query.dto';
import { PasswordHasher } from './password-hasher';
import { UserSignIns } from './user-sign-ins';
import { UsersRepository } from './users.repository';
import { lockForTransaction, Transactions } from '../database/transactions';

/** Consular users act for named countries; every other role acts for none. */
function checkScopes(role: Role, nationalities: string[] | undefined): void {
  if (role === 'consular' && !nationalities?.length) {
    throw ApiError.field('nationalities', 'required', 'a consular user needs at least one nationality', {
      role: 'consular',
    });
  }
  if (role !== 'consular' && nationalities?.length) {
    throw ApiError.field('nationalities', 'conflict', 'only consular users have nationalities', {
      with: 'role',
    });
  }
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly tx: Transactions,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly nationalities: NationalitiesService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly signIns: UserSignIns,
  ) {}

  /** First start: with no user at all and BOOTSTRAP_ADMIN_* set, create that admin. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const passwordHash = await this.hasher.hash(admin.password);
    await this.tx.run(async (m) => {
      await lockForTransaction(m, 'bootstrapAdmin');
      if ((await this.users.count(m)) > 0) return;
      const id = await this.users.insert(m, {
        email: admin.email,
        displayName: 'Administrator',
        passwordHash,
        role: 'admin',
        nationalities: [],
      });
      await this.audit.record(m, {
        actor: SYSTEM_ACTOR,
        action: 'user.bootstrap',
        entityType: 'user',
        entityId: id,
      });
      this.logger.log('created the bootstrap admin user');
    });
  }

  async create(dto: CreateUserDto, actor: Principal): Promise<UserView> {
    checkScopes(dto.role, dto.nationalities);
    this.nationalities.assertKnown(dto.nationalities ?? [], 'nationalities');
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      return await this.tx.run(async (m) => {
        const id = await this.users.insert(m, {
          email: dto.email,
          displayName: dto.displayName,
          passwordHash,
          role: dto.role,
          nationalities: dto.nationalities ?? [],
        });
        await this.audit.record(m, {
          actor,
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          details: { role: dto.role, nationalities: dto.nationalities ?? [] },
        });
        return (await this.users.findById(id, m))!;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw ApiError.conflict('EMAIL_TAKEN', 'A user with this email already exists');
      }
      throw error;
    }
  }

  /**
   * Someone must still be able to manage users afterwards. The lock makes two admins demoting each
   * other at once take turns: the second sees the first's change and is refused.
   */
  private async assertAnotherAdmin(m: EntityManager, leavingId: string): Promise<void> {
    await lockForTransaction(m, 'adminSet');
    const others = (await m.query(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1`, [
      leavingId,
    ])) as unknown[];
    if (!others.length) {
      throw ApiError.rule('LAST_ADMIN', 'This is the last active admin: make another admin first');
    }
  }

  /** Staff records are personal data too: each user shown is audited, in the read's transaction. */
  async list(query: UsersQueryDto, actor: Principal): Promise<Page<UserView>> {
    const { limit, role, q, disabled } = query;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async (m) => {
      const rows = await this.users.page(limit, after, { role, q, disabled }, m);
      await this.audit.recordMany(
        m,
        rows.slice(0, limit).map((u) => ({ actor, action: 'user.read', entityType: 'user', entityId: u.id })),
      );
      return toPage(
        rows,
        limit,
        (u) => ({ at: u.createdAt, id: u.id }),
        (u) => u,
      );
    });
  }

  /** Names of the active staff, for case staff; one audit entry says who read it and how many. */
  async directory(actor: Principal): Promise<StaffDirectoryView> {
    return this.tx.run(async (m) => {
      const items = await this.users.staffDirectory(m);
      await this.audit.record(m, {
        actor,
        action: 'user.directory.read',
        details: { returned: items.length },
      });
      return { items };
    });
  }

  async get(id: string, actor: Principal): Promise<UserView> {
    return this.tx.run(async (m) => {
      const user = await this.users.findById(id, m);
      if (!user) throw ApiError.notFound('User');
      await this.audit.record(m, { actor, action: 'user.read', entityType: 'user', entityId: id });
      return user;
    });
  }

  async update(
    id: string,
    dto: UpdateUserDto,
    ifMatch: string | undefined,
    actor: Principal,
  ): Promise<UserView> {
    return this.tx.run(async (m) => {
      const current = await this.users.findById(id, m);
      if (!current) throw ApiError.notFound('User');
      const version = expectedVersion(ifMatch, current.version);

      const role = dto.role ?? current.role;
      if (current.role === 'admin' && !current.disabled && (role !== 'admin' || dto.disabled === true)) {
        await this.assertAnotherAdmin(m, id);
      }
      // Leaving the consular role drops the countries; keeping it keeps them unless new ones are given.
      const nationalities = dto.nationalities ?? (role === 'consular' ? current.nationalities : []);
      checkScopes(role, nationalities);
      this.nationalities.assertKnown(nationalities, 'nationalities');

      if (!(await this.users.update(m, id, version, dto))) throw versionMismatch();
      const scopesChanged = nationalities.join() !== current.nationalities.join();
      if (scopesChanged) await this.users.replaceNationalities(m, id, nationalities);
      // Ended, not merely refused while disabled: enabling the user again brings no old sign-in back.
      const signInsEnded =
        dto.disabled === true && !current.disabled ? await this.signIns.endSignIns(m, id, 'disabled') : 0;

      const changed = Object.keys(dto).filter((k) => k !== 'nationalities');
      if (scopesChanged) changed.push('nationalities');
      await this.audit.record(m, {
        actor,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        details: {
          fields: changed,
          role,
          nationalities,
          disabled: dto.disabled ?? current.disabled,
          ...(signInsEnded ? { signInsEnded } : {}),
        },
      });
      return (await this.users.findById(id, m))!;
    });
  }
}
