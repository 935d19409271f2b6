import { bestPeopleCount, bestPeoplePage } from './best-sql';
import { DEEP_PAGE, deepPage, type BenchContext, type Scenario } from './scenarios';

/** A deep page of a caseworker's sorted list may cost at most this many times its page 1. */
export const CASEWORKER_DEEP_PAGE_RATIO = 1.2;

/**
 * Stored as given name Wei, family name Zhang (about one in 2,000 generated people), typed the other
 * way round: the words match in any order. Through its skeleton keys the search also looks for
 * spelling variants of both names.
 */
const SWAPPED_NAME = 'Zhang Wei';

/** A case number someone holds, from the middle of the data (a caseworker reads it off a file). */
async function someCaseNumber(ctx: BenchContext): Promise<string> {
  const { rows } = await ctx.db.query<{ case_number: string }>(
    `SELECT case_number FROM people ORDER BY created_at, id OFFSET (SELECT count(*) / 2 FROM people) LIMIT 1`,
  );
  return rows[0].case_number;
}

/**
 * A caseworker's day, each scenario judged against the best raw SQL for the same answer
 * (bench/best-sql.ts) as well as the app's own statements: a case found by its number, a person by
 * name typed in another order than stored, a sorted list at page 1 and `DEEP_PAGE` cursors further,
 * and the count above the list, with and without filters (exact up to 10,000, "10000+" beyond).
 */
export async function caseworkerScenarios(ctx: BenchContext): Promise<Scenario[]> {
  const list = (name: string, path: string, more: Partial<Scenario> = {}): Scenario => ({
    name: `caseworker ${name}`,
    kind: 'list',
    path,
    as: 'caseworker',
    best: path.startsWith('/people/count') ? bestPeopleCount(path) : bestPeoplePage(path),
    ...more,
  });
  const sorted = async (sort: string, order: string): Promise<Scenario[]> => {
    const path = `/people?limit=50&sort=${sort}&order=${order}`;
    const deep = await deepPage(ctx, path, DEEP_PAGE, 'caseworker');
    const first = `sort=${sort}&order=${order} p1`;
    return [
      list(first, path),
      list(`sort=${sort}&order=${order} p${deep.page}`, deep.path, {
        samePageCostAs: `caseworker ${first}`,
        maxPageRatio: CASEWORKER_DEEP_PAGE_RATIO,
      }),
    ];
  };
  const caseNumber = await someCaseNumber(ctx);
  const swapped = encodeURIComponent(SWAPPED_NAME);
  return [
    list(`q=${caseNumber} (case number)`, `/people?limit=50&q=${caseNumber}`),
    list(`q=${SWAPPED_NAME} (words swapped)`, `/people?limit=50&q=${swapped}`),
    ...(await sorted('updatedAt', 'desc')),
    ...(await sorted('caseNumber', 'asc')),
    list('count', '/people/count'),
    list('count nationality=THA', '/people/count?nationality=THA'),
    // A nationality of a few thousand people: an exact answer.
    list('count nationality=LAO', '/people/count?nationality=LAO'),
    list(`count q=${SWAPPED_NAME}`, `/people/count?q=${swapped}`),
  ];
}
