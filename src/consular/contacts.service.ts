import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { expectedVersion, versionMismatch } from '../common/if-match';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import { Transactions } from '../database/transactions';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { ContactColumns, ContactRow, ContactsRepository, toContactView } from './contacts.repository';
import { NOT_A_COUNTRY } from './dto/consular-fields';
import { CreateContactDto, ListContactsQueryDto, UpdateContactDto } from './dto/contact.dto';
import type { ContactView } from './dto/contact.view';

/** API field → column. */
const COLUMN_OF: Record<string, keyof ContactColumns> = {
  countryCode: 'country_code',
  mission: 'mission',
  city: 'city',
  name: 'name',
  title: 'title',
  phone: 'phone',
  email: 'email',
  languages: 'languages',
  active: 'active',
  accreditedFrom: 'accredited_from',
};

/**
 * Consular contacts. Staff keep them; an embassy reads the contacts of its own countries only, and
 * another country's contact answers 404 exactly like a missing one.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly tx: Transactions,
    private readonly contacts: ContactsRepository,
    private readonly nationalities: NationalitiesService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateContactDto, actor: Principal): Promise<ContactView> {
    this.assertCountry(dto.countryCode, 'countryCode');
    if (dto.accreditedFrom) this.assertCountry(dto.accreditedFrom, 'accreditedFrom');
    return this.tx.run(async (m) => {
      const row = await this.contacts.insert(m, this.columnsOf(dto));
      await this.audit.record(m, {
        actor,
        action: 'consular_contact.create',
        entityType: 'consular_contact',
        entityId: row.id,
        details: { countryCode: row.country_code, fields: this.given(dto) },
      });
      return toContactView(row);
    });
  }

  async list(query: ListContactsQueryDto, actor: Principal): Promise<Page<ContactView>> {
    const after = decodeCursor(query.cursor);
    if (query.countryCode) this.assertKnown(query.countryCode, 'countryCode');
    const countries = this.countriesFor(actor, query.countryCode);
    return this.tx.run(async (m) => {
      const rows = await this.contacts.page(m, countries, query.limit, after);
      return toPage(rows, query.limit, (r) => ({ at: r.created_at.toISOString(), id: r.id }), toContactView);
    });
  }

  async get(id: string, actor: Principal): Promise<ContactView> {
    return this.tx.run(async (m) => toContactView(await this.loadVisible(m, id, actor)));
  }

  /** Order: scope (404), If-Match (428/412), then the write, optimistic in SQL. */
  async update(
    id: string,
    dto: UpdateContactDto,
    ifMatch: string | undefined,
    actor: Principal,
  ): Promise<ContactView> {
    if (dto.accreditedFrom) this.assertCountry(dto.accreditedFrom, 'accreditedFrom');
    return this.tx.run(async (m) => {
      const current = await this.loadVisible(m, id, actor);
      const version = expectedVersion(ifMatch, current.version);
      const fields = this.given(dto).filter(
        (f) => JSON.stringify(dto[f as keyof UpdateContactDto]) !== JSON.stringify(current[COLUMN_OF[f]]),
      );
      // Nothing really changes: no new version, no audit entry for a non-event.
      if (!fields.length) return toContactView(current);
      const changes = Object.fromEntries(fields.map((f) => [f, dto[f as keyof UpdateContactDto]]));
      const row = await this.contacts.update(m, id, version, this.columnsOf(changes));
      if (!row) throw versionMismatch();
      await this.audit.record(m, {
        actor,
        action: 'consular_contact.update',
        entityType: 'consular_contact',
        entityId: id,
        details: { fields },
      });
      return toContactView(row);
    });
  }

  /** The contact, if the caller may see it: staff every one, an embassy those of its countries. */
  private async loadVisible(m: EntityManager, id: string, actor: Principal): Promise<ContactRow> {
    const row = await this.contacts.find(m, id);
    const countries = this.countriesFor(actor);
    if (!row || (countries && !countries.includes(row.country_code))) {
      throw ApiError.notFound('Consular contact');
    }
    return row;
  }

  /** The countries whose contacts the caller may list (undefined: all), narrowed by a filter. */
  private countriesFor(actor: Principal, filter?: string): string[] | undefined {
    const own = actor.role === 'consular' ? actor.nationalities : undefined;
    if (!filter) return own;
    return own ? own.filter((c) => c === filter) : [filter];
  }

  private given(dto: object): string[] {
    return Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
  }

  private columnsOf(dto: object): ContactColumns {
    return Object.fromEntries(
      this.given(dto).map((f) => [COLUMN_OF[f], (dto as Record<string, unknown>)[f]]),
    ) as ContactColumns;
  }

  private assertKnown(code: string, field: string): void {
    if (!this.nationalities.isKnown(code)) {
      throw ApiError.field(field, 'unknown_code', `unknown country code ${JSON.stringify(code)}`);
    }
  }

  /** A country a mission can represent or sit in: known, and a state (not XXA stateless, not XXX). */
  private assertCountry(code: string, field: string): void {
    this.assertKnown(code, field);
    if (NOT_A_COUNTRY.includes(code))
      throw ApiError.field(field, 'not_allowed', `${code} is not a country with missions`);
  }
}
