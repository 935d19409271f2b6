import { applyMove, type StatusColumns } from './move-effects';

const at = new Date('2023-11-19T06:00:00.000Z');
const base: StatusColumns = {
  status: 'screening',
  hold_return_status: null,
  closed_reason: null,
  closed_at: null,
  departed_at: null,
  received_home_at: null,
};

describe('applyMove: the status columns that follow a move', () => {
  it('a hold remembers the state it was entered from, and leaving it forgets', () => {
    const held = applyMove(base, 'on_hold', at);
    expect(held).toEqual({ ...base, status: 'on_hold', hold_return_status: 'screening' });
    expect(applyMove(held, 'screening', at)).toEqual(base);
  });

  it('closing records the reason and time; reopening clears them', () => {
    const closed = applyMove({ ...base, status: 'not_victim' }, 'closed', at, 'not_victim');
    expect(closed).toEqual({ ...base, status: 'closed', closed_reason: 'not_victim', closed_at: at });
    expect(applyMove(closed, 'screening', at)).toEqual(base);
  });

  it('departure and arrival stamp the event time and keep earlier stamps', () => {
    const departed = applyMove({ ...base, status: 'exit_cleared' }, 'departed', at);
    expect(departed.departed_at).toBe(at);
    const later = new Date('2023-11-20T06:00:00.000Z');
    const home = applyMove(departed, 'received_home', later);
    expect(home).toEqual({ ...base, status: 'received_home', departed_at: at, received_home_at: later });
  });
});
