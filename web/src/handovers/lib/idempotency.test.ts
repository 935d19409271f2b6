import { describe, expect, it } from 'vitest';
import { IdempotencyKeys, randomKey } from './idempotency';

describe('the Idempotency-Key of a recording', () => {
  it('is reused when the same body is sent again (a retry)', () => {
    const keys = new IdempotencyKeys();
    expect(keys.keyFor('body A')).toBe(keys.keyFor('body A'));
  });

  it('is new for a changed body, and new again after the event was recorded', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor('body A');
    const second = keys.keyFor('body B');
    expect(second).not.toBe(first);
    keys.forget();
    expect(keys.keyFor('body B')).not.toBe(second);
  });

  it('is 32 hex characters, within the API’s 1 to 255', () => {
    expect(randomKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(randomKey());
  });
});
