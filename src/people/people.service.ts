import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { expectedVersion, versionMismatch } from '../common/if-match';
import type { Page } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { UserLookup } from '../users/user-lookup.service';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { ConsentsService } from './consents.service';
import { FieldEncryption } from '../common/crypto/field-encryption.service';
import { CreatePersonDto, NationalityClaimDto, PersonFieldsDto } from './dto/create-person.dto';
import { ListPeopleQueryDto, PeopleFiltersDto } from './dto/people-queries.dto';
import { CONSENT_TYPE_OF_FIELD, type ConsentField } from './dto/person-fields';
import { PeopleCountView, PersonSummaryView, PersonView } from './dto/person.view';
import { UpdatePersonDto } from './dto/update-person.dto';
import { nameKey } from './duplicates/name-key';
import { minorContradiction, nationalityContradiction } from './intake-rules';
import { assertNotErased, PersonAccess } from './access/person-access.service';
import { PersonReadLog } from './access/person-reads';
import { decodeListCursor, encodeListCursor } from './list/list-cursor';
import type { PeopleFilter, SortKey } from './list/list-sql';
import { parseNameQuery } from './list/name-query';
import { PeopleRepository, PersonColumns, PersonRow, PersonSummaryRow } from './people.repository';
import { PersonHistory } from './person-history';
import { toPersonSummary } from './person.mapper';
import { Transactions } from '../database/transactions';
import { CompoundLookup } from '../compounds/compound-lookup.service';
import { withinSearchBudget } from '../common/search-budget';

/** API field → column, for the plain (not encrypted, not derived) fields. */
const PLAIN_COLUMNS: Record<string, keyof PersonColumns> = {
  givenName: 'given_name',
  familyName: 'family_name',
  nameNative: 'name_native',
  aliases: 'aliases',
  sex: 'sex',
  dateOfBirth: 'date_of_birth',
  estimatedAge: 'estimated_age',
  languages: 'languages',
  compoundId: 'compound_id',
  recruitedVia: 'recruited_via',
  traffickedAt: 'trafficked_at',
  rescuedAt: 'rescued_at',
  rescuePlace: 'rescue_place',
  vulnerabilities: 'vulnerabilities',
  assignedCaseworkerId: 'assigned_caseworker_id',
};

/** Equality of an API value with the stored one: timestamps by instant, null and undefined alike. */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : v === undefined ? null : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Beyond this many matches the count says only "at least" (API.md, `GET /people/count`). */
export const COUNT_CAP = 10_000;

/** A row's value of the sort key, as its cursor carries it. */
function sortValue(row: PersonSummaryRow, key: SortKey): string {
  switch (key) {
    case 'rescuedAt':
      return row.rescued_at.toISOString();
    case 'updatedAt':
      return row.updated_at.toISOString();
    case 'caseNumber':
      return row.case_number;
    case 'overdueSince':
      return row.overdue_since!.toISOString();
    default:
      return row.created_at.toISOString();
  }
}

@Injectable()
export class PeopleService {
  constructor(
    private readonly tx: Transactions,
    private readonly people: PeopleRepository,
    private readonly crypto: FieldEncryption,
    private readonly nationalities: NationalitiesService,
    private readonly history: PersonHistory,
    private readonly audit: AuditService,
    private readonly access: PersonAccess,
    private readonly compounds: CompoundLookup,
    private readonly users: UserLookup,
    private readonly config: AppConfig,
    private readonly reads: PersonReadLog,
  ) {}

  async create(dto: CreatePersonDto, actor: Principal): Promise<PersonView> {
    this.checkNationalities(dto.nationalities);
    return this.tx.runAnswering(async (m) => {
      await this.checkReferences(m, dto, dto);
      if (dto.assignedCaseworkerId) await this.checkAssignee(m, dto.assignedCaseworkerId);
      const id = randomUUID();
      const caseNumber = await this.people.nextCaseNumber(m, new Date().getUTCFullYear());
      const columns = this.columnsFor(id, dto, dto);
      await this.people.insert(m, id, caseNumber, actor.id, columns, this.claims(dto.nationalities));
      const consents = Object.entries(dto.consents ?? {}).filter(([, granted]) => granted !== undefined);
      for (const [field, granted] of consents) {
        const type = CONSENT_TYPE_OF_FIELD[field as ConsentField];
        await ConsentsService.append(m, id, type, granted, actor.id, 'given at intake');
      }
      const fields = Object.keys(dto).filter(
        (k) => (dto as unknown as Record<string, unknown>)[k] !== undefined,
      );
      await this.history.add(m, {
        personId: id,
        kind: 'created',
        actorId: actor.id,
        toStatus: 'identified',
        fields,
      });
      await this.audit.record(m, {
        actor,
        action: 'person.create',
        entityType: 'person',
        entityId: id,
        details: { fields, caseNumber },
      });
      return this.access.staffView((await this.people.find(m, id))!, actor);
    });
  }

  /** One person, full record. The read and its audit entry are one transaction. */
  async get(id: string, actor: Principal): Promise<PersonView> {
    return this.tx.run(async (m) => {
      const row = await this.access.loadVisible(m, id, actor, { allowErased: true });
      await this.reads.record(m, actor, { action: 'person.read', personIds: [id] });
      return this.access.staffView(row, actor);
    });
  }

  /** A page of people; every person shown gets an audit entry, so their access log is complete. */
  async list(query: ListPeopleQueryDto, actor: Principal): Promise<Page<PersonSummaryView>> {
    const { limit } = query;
    const filter = this.filterOf(query, actor);
    // Overdue cases come oldest overdue first unless another order is asked for.
    const key: SortKey = query.sort ?? (filter.overdue ? 'overdueSince' : 'createdAt');
    const direction = query.order ?? (key === 'overdueSince' ? 'asc' : 'desc');
    const after = decodeListCursor(query.cursor, key, direction);
    return this.tx.run(async (m) => {
      const rows = await withinSearchBudget(m, this.config.limits.searchTimeoutMs, () =>
        this.access.page(m, actor, filter, limit, { key, direction, after }),
      );
      const shown = rows.slice(0, limit);
      await this.reads.record(m, actor, { action: 'person.list', personIds: shown.map((r) => r.id) });
      const last = shown[shown.length - 1];
      return {
        items: shown.map(toPersonSummary),
        nextCursor:
          rows.length > limit
            ? encodeListCursor(key, direction, { value: sortValue(last, key), id: last.id })
            : null,
      };
    });
  }

  /**
   * How many people match the list's filters: exact up to COUNT_CAP, beyond it only that there are
   * more (counting a million rows to print "10,000+" would cost a full scan).
   */
  async count(query: PeopleFiltersDto, actor: Principal): Promise<PeopleCountView> {
    const filter = this.filterOf(query, actor);
    return this.tx.run(async (m) => {
      const count = await withinSearchBudget(m, this.config.limits.searchTimeoutMs, () =>
        this.access.count(m, actor, filter, COUNT_CAP),
      );
      return count > COUNT_CAP ? { count: null, atLeast: COUNT_CAP } : { count };
    });
  }

  /** The list's query as filters; nationality codes checked against the table (unknown: 400). */
  private filterOf(query: PeopleFiltersDto, actor: Principal): PeopleFilter {
    if (query.nationality) this.nationalities.assertKnown(query.nationality, 'nationality');
    const assignee = query.assignedTo?.toLowerCase();
    return {
      nationality: query.nationality,
      status: query.status,
      compoundId: query.compoundId,
      vulnerability: query.vulnerability,
      assignedTo:
        assignee === undefined
          ? undefined
          : assignee === 'none'
            ? null
            : assignee === 'me'
              ? actor.id
              : assignee,
      q: query.q ? parseNameQuery(query.q) : undefined,
      rescuedFrom: query.rescuedFrom,
      rescuedTo: query.rescuedTo,
      overdue: query.overdue ? this.config.stageTargetHours : undefined,
    };
  }

  async update(
    id: string,
    dto: UpdatePersonDto,
    ifMatch: string | undefined,
    actor: Principal,
  ): Promise<PersonView> {
    if (dto.nationalities) this.checkNationalities(dto.nationalities);
    return this.tx.run(async (m) => {
      const current = await this.access.loadVisible(m, id, actor, { forUpdate: true, allowErased: true });
      const version = expectedVersion(ifMatch, current.version);
      assertNotErased(current);

      const merged = this.merge(current, dto);
      await this.checkReferences(m, dto, merged);
      // Only what really changes is written, bumps the version and shows in the history.
      const before = this.access.staffView(current, actor) as unknown as Record<string, unknown>;
      const given = dto as unknown as Record<string, unknown>;
      const fields = Object.keys(dto).filter((f) =>
        f === 'nationalities'
          ? !sameValue(this.claims(dto.nationalities!), before.nationalities)
          : !sameValue(given[f], before[f]),
      );
      if (!fields.length) return this.access.staffView(current, actor);
      const changes = Object.fromEntries(fields.map((f) => [f, given[f]])) as UpdatePersonDto;
      if (changes.assignedCaseworkerId) await this.checkAssignee(m, changes.assignedCaseworkerId);
      const columns = this.columnsFor(id, changes, merged);

      const newVersion = await this.people.update(m, id, version, columns);
      if (newVersion === undefined) throw versionMismatch();
      if (changes.nationalities)
        await this.people.replaceNationalities(m, id, this.claims(changes.nationalities));
      await this.history.add(m, { personId: id, kind: 'field_change', actorId: actor.id, fields });
      await this.audit.record(m, {
        actor,
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        details: { fields },
      });
      return this.access.staffView((await this.people.find(m, id))!, actor);
    });
  }

  /**
   * A case goes to someone who works cases and can sign in: an active admin, supervisor or
   * caseworker. Checked only when the assignee changes, so editing another field of a case whose
   * caseworker has since left does not fail.
   */
  private async checkAssignee(m: EntityManager, userId: string): Promise<void> {
    if (!(await this.users.isActiveCaseStaff(m, userId))) {
      throw ApiError.rule(
        'INVALID_ASSIGNEE',
        'A case can be assigned only to an active admin, supervisor or caseworker',
      );
    }
  }

  private checkNationalities(claims: NationalityClaimDto[]): void {
    const codes = claims.map((n) => n.code);
    this.nationalities.assertKnown(codes, 'nationalities');
    const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
    if (dup >= 0)
      throw ApiError.field(`nationalities[${dup}].code`, 'duplicate', 'each nationality may be listed once');
    const contradiction = nationalityContradiction(codes);
    if (contradiction) throw ApiError.validation([contradiction]);
  }

  private claims(claims: NationalityClaimDto[]): { code: string; verified: boolean }[] {
    return claims
      .map((n) => ({ code: n.code, verified: n.verified ?? false }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Rules across fields, checked on the record as it would be after the change. */
  private async checkReferences(
    m: EntityManager,
    dto: PersonFieldsDto,
    merged: {
      dateOfBirth?: string | null;
      estimatedAge?: number | null;
      traffickedAt?: string | null;
      rescuedAt?: string;
      vulnerabilities?: string[] | null;
    },
  ): Promise<void> {
    if (dto.compoundId) {
      if (!(await this.compounds.exists(m, dto.compoundId))) {
        throw ApiError.field('compoundId', 'unknown_reference', 'no compound with this id');
      }
    }
    if (merged.dateOfBirth && merged.estimatedAge !== null && merged.estimatedAge !== undefined) {
      throw ApiError.field(
        'estimatedAge',
        'conflict',
        'give either dateOfBirth or estimatedAge, not both (set the other to null)',
        { with: 'dateOfBirth' },
      );
    }
    if (
      merged.traffickedAt &&
      merged.rescuedAt &&
      Date.parse(merged.traffickedAt) > Date.parse(merged.rescuedAt)
    ) {
      throw ApiError.field('traffickedAt', 'conflict', 'traffickedAt must not be after rescuedAt', {
        with: 'rescuedAt',
      });
    }
    // Checked when an edit touches the age or the vulnerabilities: a record that held both before this
    // rule is corrected by editing one of them, not barred from every other edit.
    const touchesAge = ['vulnerabilities', 'estimatedAge', 'dateOfBirth', 'rescuedAt'].some(
      (f) => (dto as Record<string, unknown>)[f] !== undefined,
    );
    const minor = touchesAge ? minorContradiction(merged) : undefined;
    if (minor) throw ApiError.validation([minor]);
  }

  private merge(current: PersonRow, dto: UpdatePersonDto) {
    const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
    return {
      givenName: pick(dto.givenName, current.given_name),
      familyName: pick(dto.familyName, current.family_name),
      aliases: pick(dto.aliases, current.aliases),
      dateOfBirth: pick(dto.dateOfBirth, current.date_of_birth),
      estimatedAge: pick(dto.estimatedAge, current.estimated_age),
      traffickedAt: pick(dto.traffickedAt, current.trafficked_at?.toISOString() ?? null),
      rescuedAt: pick(dto.rescuedAt, current.rescued_at.toISOString()),
      vulnerabilities: pick(dto.vulnerabilities, current.vulnerabilities),
    };
  }

  /** The columns to write for the fields given in `dto`; name_key follows the merged names. */
  private columnsFor(
    id: string,
    dto: PersonFieldsDto & { sex?: string; rescuedAt?: string },
    merged: { givenName?: string | null; familyName?: string | null; aliases?: string[] | null },
  ): PersonColumns {
    const columns: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(PLAIN_COLUMNS)) {
      const value = (dto as Record<string, unknown>)[field];
      if (value !== undefined) columns[column] = value;
    }
    if (dto.documentNumber !== undefined) {
      columns.document_number_enc = this.crypto.seal('people.document_number', id, dto.documentNumber);
      columns.document_number_bidx = this.crypto.blindIndex(dto.documentNumber);
    }
    if (dto.narrative !== undefined) {
      columns.narrative_enc = this.crypto.seal('people.narrative', id, dto.narrative);
    }
    if (dto.givenName !== undefined || dto.familyName !== undefined || dto.aliases !== undefined) {
      columns.name_key = nameKey(merged);
    }
    return columns as PersonColumns;
  }
}
