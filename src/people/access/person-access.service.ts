import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth.decorators';
import { FieldEncryption } from '../../common/crypto/field-encryption.service';
import { ApiError } from '../../common/errors';
import type { ConsularPersonView } from '../dto/consular-person.view';
import type { PersonView } from '../dto/person.view';
import type { ListOrder, PeopleFilter } from '../list/list-sql';
import { PeopleRepository, PersonRow, PersonSummaryRow } from '../people.repository';
import { toPersonView } from '../person.mapper';
import { audienceOf, scopeSql, sqlParams } from './person-scope';

export interface LoadOptions {
  /** Lock the row for the rest of the transaction (a write follows). */
  forUpdate?: boolean;
  /** Hand back an erased record instead of refusing it (reads; writes that check If-Match first). */
  allowErased?: boolean;
}

/** How a case is named in a list of many (a handover's people): never a personal field. */
export interface CaseLabel {
  caseNumber: string;
  /** Alpha-3 codes, sorted; for an embassy, only its own countries. */
  nationalities: string[];
}

/** Any write about an erased person: its record holds nothing to act on, and no new text may appear. */
export function assertNotErased(row: Pick<PersonRow, 'erased_at'>): void {
  if (row.erased_at) {
    throw ApiError.rule(
      'PERSON_ERASED',
      'This record was erased: nothing more can be recorded about the person',
    );
  }
}

/**
 * Who may see a person, decided here and only here (DESIGN.md §6): every route that touches a person
 * loads it, filters ids or pages people through this service, and shows what the audience may see.
 * A person outside the caller's scope is a 404, exactly like one that does not exist.
 */
@Injectable()
export class PersonAccess {
  constructor(
    private readonly people: PeopleRepository,
    private readonly crypto: FieldEncryption,
  ) {}

  /** One person the caller may see, or 404; an erased one is 422 PERSON_ERASED unless allowed. */
  async loadVisible(
    m: EntityManager,
    id: string,
    principal: Principal,
    options: LoadOptions = {},
  ): Promise<PersonRow> {
    const { params, bind } = sqlParams([id]);
    const row = await this.people.findWhere(m, id, scopeSql(principal, 'p', bind), params, options.forUpdate);
    if (!row) throw ApiError.notFound('Person');
    if (!options.allowErased) assertNotErased(row);
    return row;
  }

  /** Of `ids`, those the caller may see: one statement whatever the number. */
  async visibleIds(m: EntityManager, ids: string[], principal: Principal): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const { params, bind } = sqlParams([ids]);
    return new Set(await this.people.idsWhere(m, scopeSql(principal, 'p', bind), params));
  }

  /**
   * Of `ids`, those the caller may see, each with what names a case in a batch (a handover's list):
   * its case number and nationalities, an embassy's own only. No personal field, so an erased
   * person's label stays what it was. One statement whatever the number.
   */
  async caseLabels(m: EntityManager, ids: string[], principal: Principal): Promise<Map<string, CaseLabel>> {
    if (!ids.length) return new Map();
    const { params, bind } = sqlParams([ids]);
    const rows = await this.people.labelsWhere(m, scopeSql(principal, 'p', bind), params);
    const shown =
      audienceOf(principal) === 'consular'
        ? (code: string) => principal.nationalities.includes(code)
        : () => true;
    return new Map(
      rows.map((r) => [r.id, { caseNumber: r.case_number, nationalities: r.nationalities.filter(shown) }]),
    );
  }

  /**
   * A keyset page of the people the caller may see, with the list's filters, in the order asked
   * (default: newest created first).
   */
  async page(
    m: EntityManager,
    principal: Principal,
    filter: PeopleFilter,
    limit: number,
    order: ListOrder = { key: 'createdAt', direction: 'desc' },
  ): Promise<PersonSummaryRow[]> {
    return this.people.list(m, filter, order, limit, (bind) => scopeSql(principal, 'p', bind));
  }

  /** How many of the people the caller may see match the filters, counted up to `cap` + 1. */
  async count(m: EntityManager, principal: Principal, filter: PeopleFilter, cap: number): Promise<number> {
    return this.people.count(m, filter, cap, (bind) => scopeSql(principal, 'p', bind));
  }

  /** The whole record, for staff, with the next steps the caller may take. */
  staffView(row: PersonRow, principal: Pick<Principal, 'role'>): PersonView {
    return toPersonView(row, this.crypto, principal.role);
  }

  /** The embassy's minimal view: no narrative, no other country's nationality. */
  consularView(row: PersonSummaryRow, principal: Pick<Principal, 'nationalities'>): ConsularPersonView {
    return {
      id: row.id,
      caseNumber: row.case_number,
      givenName: row.given_name,
      familyName: row.family_name,
      nameNative: row.name_native,
      sex: row.sex as ConsularPersonView['sex'],
      dateOfBirth: row.date_of_birth,
      estimatedAge: row.estimated_age,
      nationalities: row.nationalities.filter((n) => principal.nationalities.includes(n.code)),
      status: row.status,
      documentNumber: this.crypto.open('people.document_number', row.id, row.document_number_enc),
      rescuedAt: row.rescued_at.toISOString(),
      version: row.version,
    };
  }
}
