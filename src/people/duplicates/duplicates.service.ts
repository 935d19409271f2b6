import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../common/auth.decorators';
import { FieldEncryption } from '../../common/crypto/field-encryption.service';
import { ApiError } from '../../common/errors';
import { NationalitiesService } from '../../nationalities/nationalities.service';
import { DuplicatesQueryDto } from '../dto/people-queries.dto';
import { DuplicatesView, NationalityClaimView } from '../dto/person.view';
import { PeopleRepository } from '../people.repository';
import { foldName, nameKey } from './name-key';
import { scoreCandidate } from './scoring';

const MAX_RESULTS = 20;
const MIN_SCORE = 0.45;
/** Candidates fetched per index before scoring. */
const PER_SOURCE = 100;
/** Trigram similarity a candidate needs to be fetched at all (pg_trgm's `%`). */
const TRGM_THRESHOLD = 0.3;

interface CandidateRow {
  id: string;
  case_number: string;
  given_name: string | null;
  family_name: string | null;
  name_native: string | null;
  aliases: string[];
  date_of_birth: string | null;
  nationalities: NationalityClaimView[];
  document_match: boolean;
}

/**
 * Possible duplicates of a person about to be registered. Candidates come from indexes only (blind
 * index, trigram GIN on folded names and on spelling skeletons), never a table scan; they are then
 * scored in `scoring.ts`.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly encryption: FieldEncryption,
    private readonly nationalities: NationalitiesService,
    private readonly audit: AuditService,
  ) {}

  async find(query: DuplicatesQueryDto, actor: Principal): Promise<DuplicatesView> {
    if (!query.givenName && !query.familyName && !query.nameNative && !query.documentNumber) {
      throw ApiError.validation([
        {
          field: 'givenName',
          message: 'give at least one of givenName, familyName, nameNative or documentNumber',
        },
      ]);
    }
    if (query.nationality) this.nationalities.assertKnown([query.nationality], 'nationality');

    const full = foldName([query.givenName, query.familyName].filter(Boolean).join(' '));
    const key = nameKey({ givenName: query.givenName, familyName: query.familyName });
    const native = query.nameNative ? foldName(query.nameNative) : null;
    const bidx = this.encryption.blindIndex(query.documentNumber);

    return this.people.transaction(async (m) => {
      await m.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(TRGM_THRESHOLD)]);
      const rows = (await m.query(
        `WITH ids AS (
           (SELECT id FROM people WHERE $1::text IS NOT NULL AND document_number_bidx = $1)
           UNION (SELECT id FROM people WHERE $2::text <> '' AND search_names % $2
                   ORDER BY similarity(search_names, $2) DESC LIMIT ${PER_SOURCE})
           UNION (SELECT id FROM people WHERE $3::text IS NOT NULL AND name_key % $3
                   ORDER BY similarity(name_key, $3) DESC LIMIT ${PER_SOURCE})
           UNION (SELECT id FROM people WHERE $4::text IS NOT NULL AND search_names LIKE '%' || $4 || '%'
                   LIMIT ${PER_SOURCE})
         )
         SELECT p.id, p.case_number, p.given_name, p.family_name, p.name_native, p.aliases,
                to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
                coalesce(p.document_number_bidx = $1, false) AS document_match,
                coalesce((SELECT json_agg(json_build_object('code', pn.nationality_code, 'verified', pn.verified)
                   ORDER BY pn.nationality_code) FROM person_nationalities pn WHERE pn.person_id = p.id), '[]')
                  AS nationalities
           FROM ids JOIN people p ON p.id = ids.id
          WHERE p.erased_at IS NULL`,
        [bidx, full, key, native ? native.replace(/[\\%_]/g, '\\$&') : null],
      )) as CandidateRow[];

      const ranked = rows
        .map((r) => ({
          row: r,
          ...scoreCandidate(query, {
            givenName: r.given_name,
            familyName: r.family_name,
            nameNative: r.name_native,
            aliases: r.aliases,
            dateOfBirth: r.date_of_birth,
            nationalities: r.nationalities.map((n) => n.code),
            documentMatch: r.document_match,
          }),
        }))
        .filter((c) => c.score >= MIN_SCORE)
        .sort((a, b) => b.score - a.score || a.row.case_number.localeCompare(b.row.case_number))
        .slice(0, MAX_RESULTS);

      await this.audit.recordMany(
        m,
        ranked.map((c) => ({
          actor,
          action: 'person.duplicate_match',
          entityType: 'person',
          entityId: c.row.id,
        })),
      );
      return {
        items: ranked.map((c) => ({
          person: {
            id: c.row.id,
            caseNumber: c.row.case_number,
            givenName: c.row.given_name,
            familyName: c.row.family_name,
            nameNative: c.row.name_native,
            dateOfBirth: c.row.date_of_birth,
            nationalities: c.row.nationalities,
          },
          score: c.score,
          reasons: c.reasons,
        })),
      };
    });
  }
}
