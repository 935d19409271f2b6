import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../common/auth.decorators';
import { ApiError } from '../common/errors';
import { expectedVersion, versionMismatch } from '../common/if-match';
import { decodeCursor, toPage } from '../common/pagination';
import { Transactions } from '../database/transactions';
import { NationalitiesService } from '../nationalities/nationalities.service';
import { CompoundFields, CompoundsRepository } from './compounds.repository';
import { CompoundPageView, CompoundView } from './dto/compound.view';
import { CreateCompoundDto } from './dto/create-compound.dto';
import { ListCompoundsQueryDto } from './dto/list-compounds-query.dto';
import { UpdateCompoundDto } from './dto/update-compound.dto';

/** Stateless is a nationality, not a place: no compound lies "in" XXA. */
const NOT_A_PLACE = 'XXA';

type Merged = Pick<CompoundFields, 'latitude' | 'longitude' | 'firstReportedOn' | 'lastReportedOn'>;

/** The API fields a body really gives (class-transformer leaves absent ones undefined). */
function givenFields(dto: object, orNull = true): (keyof CompoundFields)[] {
  return Object.entries(dto)
    .filter(([, value]) => value !== undefined && (orNull || value !== null))
    .map(([key]) => key as keyof CompoundFields);
}

@Injectable()
export class CompoundsService {
  constructor(
    private readonly tx: Transactions,
    private readonly compounds: CompoundsRepository,
    private readonly nationalities: NationalitiesService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateCompoundDto, actor: Principal): Promise<CompoundView> {
    this.checkCountry(dto.countryCode);
    checkAcrossFields(dto);
    const fields = givenFields(dto, false);
    return this.tx.run(async (m) => {
      const id = await this.compounds.insert(m, dto);
      await this.audit.record(m, {
        actor,
        action: 'compound.create',
        entityType: 'compound',
        entityId: id,
        details: { fields },
      });
      return (await this.compounds.findById(id, m))!;
    });
  }

  /**
   * Without `q`: newest first, keyset-paged. With `q` the order is by closeness of the match, which
   * has no stable position to resume from (scores depend on the query, and ties abound), so a search
   * answers the best `limit` matches in one page and `nextCursor` is null: a caller wanting more
   * narrows the query or raises the limit.
   */
  async list(query: ListCompoundsQueryDto): Promise<CompoundPageView> {
    const { limit, q, countryCode, status } = query;
    if (countryCode) this.checkCountry(countryCode);
    const filter = { countryCode, status };
    if (q !== undefined) {
      if (query.cursor !== undefined) {
        throw ApiError.field(
          'cursor',
          'conflict',
          'a search by q answers in one page: there is no next page',
          {
            with: 'q',
          },
        );
      }
      const items = await this.tx.run((m) => this.compounds.search(m, q, filter, limit));
      return { items, nextCursor: null };
    }
    const rows = await this.compounds.page(filter, limit, decodeCursor(query.cursor));
    return toPage(
      rows,
      limit,
      (c) => ({ at: c.createdAt, id: c.id }),
      (c) => c,
    );
  }

  async get(id: string): Promise<CompoundView> {
    const compound = await this.compounds.findById(id);
    if (!compound) throw ApiError.notFound('Compound');
    return compound;
  }

  async update(
    id: string,
    dto: UpdateCompoundDto,
    ifMatch: string | undefined,
    actor: Principal,
  ): Promise<CompoundView> {
    if (dto.countryCode !== undefined) this.checkCountry(dto.countryCode);
    return this.tx.run(async (m) => {
      const current = await this.compounds.findById(id, m);
      if (!current) throw ApiError.notFound('Compound');
      const version = expectedVersion(ifMatch, current.version);
      checkAcrossFields({ ...current, ...withoutUndefined(dto) });

      // Only what really changes is written, bumps the version and is audited.
      const before = current as unknown as Record<string, unknown>;
      const given = dto as unknown as Record<string, unknown>;
      const fields = givenFields(dto).filter((f) => JSON.stringify(given[f]) !== JSON.stringify(before[f]));
      if (!fields.length) return current;
      const changes = Object.fromEntries(fields.map((f) => [f, given[f]])) as Partial<CompoundFields>;

      if (!(await this.compounds.update(m, id, version, changes))) throw versionMismatch();
      await this.audit.record(m, {
        actor,
        action: 'compound.update',
        entityType: 'compound',
        entityId: id,
        details: { fields },
      });
      return (await this.compounds.findById(id, m))!;
    });
  }

  /** 400 on `countryCode` itself (assertKnown would name `countryCode[0]`, as for a list). */
  private checkCountry(code: string): void {
    if (code === NOT_A_PLACE || !this.nationalities.isKnown(code)) {
      throw ApiError.field('countryCode', 'unknown_code', `unknown country code ${JSON.stringify(code)}`);
    }
  }
}

function withoutUndefined<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rules across fields, checked on the record as it would be after the change. */
function checkAcrossFields(c: Partial<Merged>): void {
  const hasLat = c.latitude !== undefined && c.latitude !== null;
  const hasLng = c.longitude !== undefined && c.longitude !== null;
  // Half a position cannot be put on a map, and would pass for a whole one in an export.
  if (hasLat !== hasLng) {
    throw ApiError.field(
      hasLat ? 'longitude' : 'latitude',
      'required',
      'give latitude and longitude together',
      {
        with: hasLat ? 'latitude' : 'longitude',
      },
    );
  }
  if (c.firstReportedOn && c.lastReportedOn && c.firstReportedOn > c.lastReportedOn) {
    throw ApiError.field('lastReportedOn', 'conflict', 'lastReportedOn must not be before firstReportedOn', {
      with: 'firstReportedOn',
    });
  }
}
