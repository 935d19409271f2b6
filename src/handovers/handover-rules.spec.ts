import type { CaseLabel } from '../people/access/person-access.service';
import type { LockedPerson } from '../people/people-mover.service';
import type { CaseStatus } from '../people/workflow/case-workflow';
import { type HandoverEntry, judge, statusEffect, summarize } from './handover-rules';

const person = (id: string, status: CaseStatus, extra: Partial<LockedPerson> = {}): LockedPerson => ({
  id,
  version: 1,
  erased_at: null,
  status,
  hold_return_status: null,
  closed_reason: null,
  closed_at: null,
  departed_at: null,
  received_home_at: null,
  ...extra,
});
const label = (...nationalities: string[]): CaseLabel => ({ caseNumber: '2023-000001', nationalities });
const entry = (personId: string, outcome: HandoverEntry['outcome'] = 'handed_over'): HandoverEntry => ({
  personId,
  outcome,
});

describe('handover rules', () => {
  describe('statusEffect', () => {
    it('moves only people handed over at a departure or an arrival home', () => {
      expect(statusEffect('repatriation_departure', 'handed_over')).toEqual({
        to: 'departed',
        trigger: 'repatriation_departure',
      });
      expect(statusEffect('arrival_home', 'handed_over')).toEqual({
        to: 'received_home',
        trigger: 'arrival_home',
      });
      expect(statusEffect('repatriation_departure', 'absent')).toBeUndefined();
      expect(statusEffect('arrival_home', 'declined')).toBeUndefined();
      for (const type of ['rescue', 'transfer', 'border_handover'] as const) {
        expect(statusEffect(type, 'handed_over')).toBeUndefined();
      }
    });
  });

  describe('judge', () => {
    const people = new Map([
      ['a', person('a', 'exit_cleared')],
      ['b', person('b', 'screening')],
      ['c', person('c', 'movement_scheduled', { erased_at: new Date() })],
      ['hidden', person('hidden', 'exit_cleared')],
    ]);
    const visible = new Map([
      ['a', label('THA')],
      ['b', label('THA')],
      ['c', label('PHL')],
    ]);

    it('names every offender in request order, repeats after their first line', () => {
      const lines = [entry('b'), entry('a'), entry('missing'), entry('a'), entry('c'), entry('hidden')];
      expect(judge('repatriation_departure', lines, people, visible)).toEqual({
        eligible: [entry('a')],
        offenders: [
          { personId: 'b', reason: 'not_eligible' },
          { personId: 'missing', reason: 'not_found' },
          { personId: 'a', reason: 'duplicate' },
          { personId: 'c', reason: 'erased' },
          { personId: 'hidden', reason: 'not_found' },
        ],
      });
    });

    it('asks the graph only of those the event would move', () => {
      const lines = [entry('b', 'absent'), entry('a', 'declined')];
      expect(judge('repatriation_departure', lines, people, visible).offenders).toEqual([]);
      expect(judge('border_handover', [entry('b')], people, visible).offenders).toEqual([]);
      expect(judge('arrival_home', [entry('a')], people, visible).offenders).toEqual([
        { personId: 'a', reason: 'not_eligible' },
      ]);
    });

    it('refuses an erased person whatever the outcome or type', () => {
      expect(judge('rescue', [entry('c', 'absent')], people, visible).offenders).toEqual([
        { personId: 'c', reason: 'erased' },
      ]);
    });

    it.each(['identity_verified', 'documents_issued', 'exit_cleared', 'movement_scheduled'] as const)(
      'lets a departure take a case in %s',
      (status) => {
        const one = new Map([['x', person('x', status)]]);
        expect(
          judge('repatriation_departure', [entry('x')], one, new Map([['x', label()]])).offenders,
        ).toEqual([]);
      },
    );

    it('refuses a departure of a case on hold, whatever it was held from', () => {
      const held = new Map([['x', person('x', 'on_hold', { hold_return_status: 'exit_cleared' })]]);
      expect(
        judge('repatriation_departure', [entry('x')], held, new Map([['x', label()]])).offenders,
      ).toEqual([{ personId: 'x', reason: 'not_eligible' }]);
    });
  });

  describe('summarize', () => {
    it('counts outcomes, and a dual national in each of their rows, largest row first then by code', () => {
      const labels = new Map([
        ['1', label('THA')],
        ['2', label('THA', 'MMR')],
        ['3', label('PHL')],
        ['4', label('SGP')],
        ['5', label('THA')],
      ]);
      const lines = [entry('1'), entry('2', 'absent'), entry('3'), entry('4', 'declined'), entry('5')];
      expect(summarize(lines, labels)).toEqual({
        people: 5,
        byOutcome: { handed_over: 3, absent: 1, declined: 1 },
        byNationality: [
          { code: 'THA', count: 3 },
          { code: 'MMR', count: 1 },
          { code: 'PHL', count: 1 },
          { code: 'SGP', count: 1 },
        ],
      });
    });

    it('answers zeros for no one', () => {
      expect(summarize([], new Map())).toEqual({
        people: 0,
        byOutcome: { handed_over: 0, absent: 0, declined: 0 },
        byNationality: [],
      });
    });
  });
});
