import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../caseValues';
import {
  countQuery,
  filtersFromSearch,
  hasFilters,
  listQuery,
  NO_FILTERS,
  searchFromFilters,
  type CaseFilters,
} from './caseFilters';

const from = (query: string) => filtersFromSearch(new URLSearchParams(query));

describe('case list filters in the URL', () => {
  it('reads every filter of the contract from the query string', () => {
    expect(
      from(
        'q=Somchai&nationality=THA,PHL&status=presumed_victim&status=consular_notified&vulnerability=minor' +
          '&compoundId=c1&assignedTo=me&rescuedFrom=2024-01-01&rescuedTo=2024-02-29&overdue=true&sort=rescuedAt&order=asc',
      ),
    ).toEqual({
      q: 'Somchai',
      nationality: ['THA', 'PHL'],
      status: ['presumed_victim', 'consular_notified'],
      vulnerability: ['minor'],
      compoundId: 'c1',
      assignedTo: 'me',
      rescuedFrom: '2024-01-01',
      rescuedTo: '2024-02-29',
      overdue: true,
      sort: 'rescuedAt',
      order: 'asc',
    });
  });

  it('gives no filter for an empty query string', () => {
    expect(from('')).toEqual(NO_FILTERS);
    expect(hasFilters(from(''))).toBe(false);
  });

  it('drops what the API would refuse, so an old or hand-edited bookmark still opens a list', () => {
    expect(
      from('nationality=tha,PHL,XX&status=nope,closed&rescuedFrom=yesterday&overdue=yes&sort=name&order=up'),
    ).toEqual({ ...NO_FILTERS, nationality: ['PHL'], status: ['closed'] });
  });

  it('writes only what is set, lists comma-separated, and reads back what it wrote', () => {
    const filters: CaseFilters = {
      ...NO_FILTERS,
      nationality: ['MMR', 'THA'],
      status: ['screening'],
      overdue: true,
    };
    const params = searchFromFilters(filters);
    expect(params.toString()).toBe('nationality=MMR%2CTHA&status=screening&overdue=true');
    expect(filtersFromSearch(params)).toEqual(filters);
    expect(hasFilters(filters)).toBe(true);
  });

  it('round-trips every status', () => {
    const filters = { ...NO_FILTERS, status: CASE_STATUSES };
    expect(filtersFromSearch(searchFromFilters(filters)).status).toEqual(CASE_STATUSES);
  });

  it('counts with the filters only, and lists with the order, the page size and the cursor too', () => {
    const filters = from('q=Nguyen&nationality=VNM&sort=caseNumber&order=desc&overdue=true');
    expect(countQuery(filters)).toEqual({ q: 'Nguyen', nationality: ['VNM'], overdue: true });
    expect(listQuery(filters, 25, 'abc')).toEqual({
      q: 'Nguyen',
      nationality: ['VNM'],
      overdue: true,
      sort: 'caseNumber',
      order: 'desc',
      limit: 25,
      cursor: 'abc',
    });
    expect(listQuery(NO_FILTERS, 10)).toEqual({ limit: 10 });
  });
});
