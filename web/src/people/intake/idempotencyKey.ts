/**
 * A fresh Idempotency-Key (API.md "Conventions"): 128 random bits as hex. `getRandomValues` rather
 * than `randomUUID`, which browsers give to secure contexts only (a shelter's laptop may reach the
 * app over plain http on the local network).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
