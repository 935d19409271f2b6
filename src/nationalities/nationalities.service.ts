import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/errors';

export interface Nationality {
  code: string;
  alpha2: string | null;
  name: string;
}

/** ISO 3166-1 plus XXA/XXX, seeded by a migration and fixed while the app runs: held in memory. */
@Injectable()
export class NationalitiesService implements OnModuleInit {
  private all: Nationality[] = [];
  private codes = new Set<string>();
  private names = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    this.all = (await this.dataSource.query(
      'SELECT code, alpha2, name FROM nationalities ORDER BY name',
    )) as Nationality[];
    this.codes = new Set(this.all.map((n) => n.code));
    this.names = new Map(this.all.map((n) => [n.code, n.name]));
  }

  list(): Nationality[] {
    return this.all;
  }

  /** The English name of a code (reports label their rows with it). */
  nameOf(code: string): string | undefined {
    return this.names.get(code);
  }

  isKnown(code: string): boolean {
    return this.codes.has(code);
  }

  /** 400 naming each unknown code, e.g. `nationalities[1]`. */
  assertKnown(codes: string[], field: string): void {
    const details = codes
      .map((code, i) => ({ code, i }))
      .filter(({ code }) => !this.codes.has(code))
      .map(({ code, i }) => ({
        field: `${field}[${i}]`,
        code: 'unknown_code' as const,
        message: `unknown nationality code ${JSON.stringify(code)}`,
      }));
    if (details.length) throw ApiError.validation(details);
  }
}
