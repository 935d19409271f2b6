import { Injectable } from '@nestjs/common';
import { Principal } from '../../common/auth.decorators';
import { FieldEncryption } from '../../common/crypto/field-encryption.service';
import { ApiError } from '../../common/errors';
import { NationalitiesService } from '../../nationalities/nationalities.service';
import { DuplicatesQueryDto } from '../dto/people-queries.dto';
import { DuplicatesView } from '../dto/person.view';
import { PersonReadLog } from '../access/person-reads';
import { PeopleRepository, type PersonRow } from '../people.repository';
import { scopeSql, sqlParams } from '../access/person-scope';
import { foldName, nameKey } from './name-key';
import { NameComparer, scoreCandidate } from './scoring';
import { Transactions } from '../../database/transactions';
import { withinSearchBudget } from '../../common/search-budget';
import { AppConfig } from '../../config/app-config';

const MAX_RESULTS = 20;
/**
 * Below this a candidate is not worth a caseworker's look (one name of two alike, nothing else: a
 * names score of 0.45, which names alone count at NAMES_ONLY_MAX = 0.95 of).
 */
const MIN_SCORE = 0.43;
/** Candidates fetched per index before scoring: bounds the work whatever the table size. */
const PER_SOURCE = 100;

/**
 * pg_trgm thresholds: `similarity` for `%` (trigrams shared with the whole stored name), `word` for
 * `%>` (with the best-matching stretch of it, so that aliases and native names do not dilute). A
 * common name matches tens of thousands of rows at the loose thresholds, each read from the heap
 * to be ranked; the tight pass finds close spellings, skeleton variants and swapped names, and the
 * loose pass only runs when the tight one did not fill the page.
 */
const TIGHT = { similarity: 0.6, word: 0.8 };
const LOOSE = { similarity: 0.3, word: 0.6 };
/** Ranking bonus, inside each source, for the same date of birth among many alike names. */
const DOB_BONUS = 0.2;

/** A candidate as fetched: the names and dates the scoring needs, and whether the document matched. */
type CandidateRow = Pick<
  PersonRow,
  | 'id'
  | 'case_number'
  | 'given_name'
  | 'family_name'
  | 'name_native'
  | 'aliases'
  | 'date_of_birth'
  | 'nationalities'
> & { document_match: boolean };

/**
 * Candidates, each source an index scan with its own LIMIT (never a scan of `people`):
 * $1 document blind index (btree, exact); $2 folded romanised name on `search_names` (trigram GIN:
 * spelling close to the stored one, and always current, unlike a `name_key` written under older
 * skeleton rules); $3 skeleton key on `name_key` (trigram GIN: romanisation variants, swapped
 * names, spacing; then word similarity, for a name among aliases or a given name alone); $4
 * native-script name on `search_names`, folded in SQL by the same sr_fold() as the stored column
 * (word similarity: the native name is one stretch of the column). Within a source, a bonus for the
 * same date of birth ($5) keeps that person from being cut off by the LIMIT among many namesakes.
 * Erased people have no names and no blind index left, and are filtered out again; the access
 * scope is appended last (its parameters follow $6).
 */
const rankedBy = (similarity: string) =>
  `ORDER BY ${similarity} + CASE WHEN date_of_birth = $5::date THEN ${DOB_BONUS} ELSE 0 END DESC LIMIT ${PER_SOURCE}`;
/** One source: `people` rows through one index, less those an earlier pass found ($6). */
const source = (condition: string, order: string) =>
  `(SELECT id FROM people WHERE ${condition} AND id <> ALL($6::uuid[]) ${order})`;
const CANDIDATES_SQL = `
  WITH ids AS (
    ${source('$1::text IS NOT NULL AND document_number_bidx = $1', `LIMIT ${PER_SOURCE}`)}
    UNION ${source(`$2::text <> '' AND search_names % $2`, rankedBy('similarity(search_names, $2)'))}
    UNION ${source(`$3::text <> '' AND name_key % $3`, rankedBy('similarity(name_key, $3)'))}
    UNION ${source(`$3::text <> '' AND name_key %> $3`, rankedBy('word_similarity($3, name_key)'))}
    UNION ${source(`$4::text <> '' AND search_names %> sr_fold($4)`, rankedBy('word_similarity(sr_fold($4), search_names)'))}
  )
  SELECT p.id, p.case_number, p.given_name, p.family_name, p.name_native, p.aliases,
         to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
         coalesce(p.document_number_bidx = $1, false) AS document_match,
         coalesce((SELECT json_agg(json_build_object('code', pn.nationality_code, 'verified', pn.verified)
            ORDER BY pn.nationality_code) FROM person_nationalities pn WHERE pn.person_id = p.id), '[]')
           AS nationalities
    FROM ids JOIN people p ON p.id = ids.id
   WHERE p.erased_at IS NULL AND `;

/**
 * Possible duplicates of a person about to be registered. Candidates come from indexes only (blind
 * index, trigram GIN on folded names and on spelling skeletons), never a table scan; they are then
 * scored in `scoring.ts`. Every person shown is audited as a read.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly tx: Transactions,
    private readonly people: PeopleRepository,
    private readonly encryption: FieldEncryption,
    private readonly nationalities: NationalitiesService,
    private readonly reads: PersonReadLog,
    private readonly config: AppConfig,
  ) {}

  async find(query: DuplicatesQueryDto, actor: Principal): Promise<DuplicatesView> {
    const full = foldName([query.givenName, query.familyName].filter(Boolean).join(' '));
    const key = nameKey({ givenName: query.givenName, familyName: query.familyName }) ?? '';
    const native = query.nameNative && foldName(query.nameNative) ? query.nameNative : '';
    // A name of punctuation only ("-", ".") searches nothing: it counts as no name.
    if (!full && !native && !query.documentNumber) {
      throw ApiError.validation([
        {
          field: 'givenName',
          code: 'required',
          message: 'give at least one of givenName, familyName, nameNative or documentNumber',
        },
      ]);
    }
    if (query.nationality && !this.nationalities.isKnown(query.nationality)) {
      throw ApiError.field(
        'nationality',
        'unknown_code',
        `unknown nationality code ${JSON.stringify(query.nationality)}`,
      );
    }
    const bidx = this.encryption.blindIndex(query.documentNumber);
    const dob = query.dateOfBirth ?? null;

    return this.tx.run(async (m) => {
      const candidates = async (thresholds: typeof TIGHT, documentIndex: string | null, seen: string[]) => {
        await m.query(
          `SELECT set_config('pg_trgm.similarity_threshold', $1, true),
                  set_config('pg_trgm.word_similarity_threshold', $2, true)`,
          [String(thresholds.similarity), String(thresholds.word)],
        );
        const { params, bind } = sqlParams([documentIndex, full, key, native, dob, seen]);
        return (await m.query(CANDIDATES_SQL + scopeSql(actor, 'p', bind), params)) as CandidateRow[];
      };
      const names = new NameComparer(); // this search's memo of folded names, skeletons, trigrams
      const score = (r: CandidateRow) => ({
        row: r,
        ...scoreCandidate(
          query,
          {
            givenName: r.given_name,
            familyName: r.family_name,
            nameNative: r.name_native,
            aliases: r.aliases,
            dateOfBirth: r.date_of_birth,
            nationalities: r.nationalities.map((n) => n.code),
            documentMatch: r.document_match,
          },
          names,
        ),
      });

      const scored = await withinSearchBudget(m, this.config.limits.searchTimeoutMs, async () => {
        const tight = (await candidates(TIGHT, bidx, [])).map(score).filter((c) => c.score >= MIN_SCORE);
        if (tight.length >= MAX_RESULTS || (!full && !native)) return tight;
        const seen = tight.map((c) => c.row.id);
        const more = (await candidates(LOOSE, null, seen)).map(score).filter((c) => c.score >= MIN_SCORE);
        return [...tight, ...more];
      });
      const ranked = scored
        .sort((a, b) => b.score - a.score || a.row.case_number.localeCompare(b.row.case_number))
        .slice(0, MAX_RESULTS);

      await this.reads.record(m, actor, {
        action: 'person.duplicate_match',
        personIds: ranked.map((c) => c.row.id),
      });
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
