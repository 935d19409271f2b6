import {
  allEdges,
  allowedTargets,
  canMove,
  CASE_STATUSES,
  choosableTargets,
  CaseStatus,
  EVENT_ROUTES,
  eventsInto,
  mayMoveTo,
  Trigger,
} from './case-workflow';

// DESIGN.md §3 written out edge by edge, independently of the table in case-workflow.ts.
const OPEN = [
  'identified',
  'screening',
  'presumed_victim',
  'consular_notified',
  'identity_verified',
  'documents_issued',
  'exit_cleared',
  'movement_scheduled',
  'protection_claim',
];
const EXPECTED: [string, string, Trigger][] = [
  ['identified', 'screening', 'manual'],
  ['screening', 'presumed_victim', 'manual'],
  ['screening', 'not_victim', 'manual'],
  ['screening', 'protection_claim', 'manual'],
  ['presumed_victim', 'consular_notified', 'consular_notification'],
  ['presumed_victim', 'protection_claim', 'manual'],
  ['consular_notified', 'identity_verified', 'manual'],
  ['consular_notified', 'identity_verified', 'embassy_action'],
  ['consular_notified', 'protection_claim', 'manual'],
  ['identity_verified', 'documents_issued', 'manual'],
  ['identity_verified', 'documents_issued', 'embassy_action'],
  ['identity_verified', 'protection_claim', 'manual'],
  ['identity_verified', 'departed', 'repatriation_departure'],
  ['documents_issued', 'exit_cleared', 'manual'],
  ['documents_issued', 'protection_claim', 'manual'],
  ['documents_issued', 'departed', 'repatriation_departure'],
  ['exit_cleared', 'movement_scheduled', 'manual'],
  ['exit_cleared', 'protection_claim', 'manual'],
  ['exit_cleared', 'departed', 'repatriation_departure'],
  ['movement_scheduled', 'departed', 'repatriation_departure'],
  ['departed', 'received_home', 'arrival_home'],
  ['received_home', 'reintegration_followup', 'manual'],
  ['received_home', 'closed', 'manual'],
  ['reintegration_followup', 'closed', 'manual'],
  ['protection_claim', 'presumed_victim', 'manual'],
  ['protection_claim', 'closed', 'manual'],
  ['not_victim', 'closed', 'manual'],
  ['withdrawn', 'closed', 'manual'],
  ['closed', 'screening', 'manual'],
  ...OPEN.flatMap((s): [string, string, Trigger][] => [
    [s, 'withdrawn', 'manual'],
    [s, 'on_hold', 'manual'],
  ]),
];
const TRIGGERS: Trigger[] = [
  'manual',
  'consular_notification',
  'embassy_action',
  'repatriation_departure',
  'arrival_home',
];

describe('case workflow', () => {
  it.each(EXPECTED)('allows %s → %s by %s', (from, to, trigger) => {
    expect(canMove(from as CaseStatus, to as CaseStatus, trigger)).toBe(true);
  });

  it('allows nothing beyond DESIGN.md §3', () => {
    const key = (e: { from: string; to: string; trigger: string }) => `${e.from}>${e.to}>${e.trigger}`;
    const expected = new Set(EXPECTED.map(([from, to, trigger]) => key({ from, to, trigger })));
    expect(allEdges().map(key).sort()).toEqual([...expected].sort());
  });

  it('refuses every other pair for every trigger', () => {
    let refused = 0;
    for (const from of CASE_STATUSES.filter((s) => s !== 'on_hold')) {
      for (const to of CASE_STATUSES) {
        for (const trigger of TRIGGERS) {
          if (!EXPECTED.some(([f, t, tr]) => f === from && t === to && tr === trigger)) {
            expect(canMove(from, to, trigger)).toBe(false);
            refused++;
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('keeps event-only moves out of manual transitions', () => {
    expect(canMove('presumed_victim', 'consular_notified', 'manual')).toBe(false);
    expect(canMove('movement_scheduled', 'departed', 'manual')).toBe(false);
    expect(canMove('departed', 'received_home', 'manual')).toBe(false);
    expect(canMove('identity_verified', 'departed', 'manual')).toBe(false);
  });

  it('returns from on_hold only to the state it was entered from', () => {
    expect(allowedTargets('on_hold', 'manual', 'exit_cleared')).toEqual(['exit_cleared']);
    expect(canMove('on_hold', 'screening', 'manual', 'exit_cleared')).toBe(false);
    expect(canMove('on_hold', 'exit_cleared', 'repatriation_departure', 'exit_cleared')).toBe(false);
    expect(allowedTargets('on_hold', 'manual', null)).toEqual([]);
  });

  it('reserves not_victim and closed for supervisors and admins', () => {
    for (const to of ['not_victim', 'closed'] as CaseStatus[]) {
      expect(mayMoveTo('caseworker', to)).toBe(false);
      expect(mayMoveTo('supervisor', to)).toBe(true);
      expect(mayMoveTo('admin', to)).toBe(true);
    }
    expect(mayMoveTo('caseworker', 'screening')).toBe(true);
  });

  it("gives each role the manual targets it may choose: the person view's allowedTransitions", () => {
    expect(choosableTargets('supervisor', 'screening').sort()).toEqual(
      ['not_victim', 'on_hold', 'presumed_victim', 'protection_claim', 'withdrawn'].sort(),
    );
    expect(choosableTargets('caseworker', 'screening').sort()).toEqual(
      ['on_hold', 'presumed_victim', 'protection_claim', 'withdrawn'].sort(),
    );
    expect(choosableTargets('caseworker', 'received_home')).toEqual(['reintegration_followup']);
    expect(choosableTargets('admin', 'received_home').sort()).toEqual(['closed', 'reintegration_followup']);
    expect(choosableTargets('admin', 'presumed_victim')).not.toContain('consular_notified');
    expect(choosableTargets('admin', 'departed')).toEqual([]);
    expect(choosableTargets('caseworker', 'on_hold', 'documents_issued')).toEqual(['documents_issued']);
    for (const from of CASE_STATUSES) {
      const caseworker = choosableTargets('caseworker', from, from === 'on_hold' ? 'screening' : null);
      expect(caseworker.filter((to) => to === 'not_victim' || to === 'closed')).toEqual([]);
    }
  });

  it('names the event that moves a case to a target no transition reaches', () => {
    expect(eventsInto('departed', 'exit_cleared')).toEqual(['repatriation_departure']);
    expect(eventsInto('departed', 'screening')).toEqual(['repatriation_departure']);
    expect(eventsInto('consular_notified', 'presumed_victim')).toEqual(['consular_notification']);
    expect(eventsInto('received_home', 'identified')).toEqual(['arrival_home']);
    // Reached by hand elsewhere: the refusal lists what is allowed instead.
    expect(eventsInto('identity_verified', 'screening')).toEqual([]);
    expect(eventsInto('closed', 'identified')).toEqual([]);
  });

  it('every target no transition reaches has an event, and every event a route to record it', () => {
    const manualTargets = new Set(
      allEdges()
        .filter((e) => e.trigger === 'manual')
        .map((e) => e.to),
    );
    for (const to of CASE_STATUSES.filter((s) => !manualTargets.has(s) && s !== 'identified')) {
      const events = eventsInto(to, 'identified');
      expect({ to, events: events.length > 0 }).toEqual({ to, events: true });
      for (const e of events) expect(EVENT_ROUTES[e].route).toMatch(/^POST \//);
    }
  });
});
