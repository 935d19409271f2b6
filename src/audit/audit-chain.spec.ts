import { chainHash, ChainedFields, GENESIS_HASH } from './audit-chain';
import { canonicalJson } from '../common/canonical-json';

const entry: ChainedFields = {
  at: '2026-01-01T00:00:00.000Z',
  actorId: null,
  actorRole: null,
  action: 'auth.login',
  entityType: 'user',
  entityId: 'x',
  outcome: 'success',
  ip: '127.0.0.1',
  requestId: 'r1',
  details: { b: 1, a: [2, { d: 1, c: 2 }] },
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [{ z: 1, y: 2 }] } })).toBe(
      '{"a":{"c":[{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('chainHash', () => {
  it('does not depend on key order', () => {
    const reordered = { ...entry, details: { a: [2, { c: 2, d: 1 }], b: 1 } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, entry));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, entry);
    expect(chainHash(GENESIS_HASH, { ...entry, outcome: 'failure' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...entry, details: { b: 2, a: [2, { d: 1, c: 2 }] } })).not.toBe(base);
    expect(chainHash('f'.repeat(64), entry)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
