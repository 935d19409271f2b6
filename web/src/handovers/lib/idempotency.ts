/** 128 random bits as hex: an Idempotency-Key (API.md "Conventions": 1–255 characters). */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per event being recorded. A retry of the same body (the answer was lost to a
 * weak connection, the button pressed twice) sends the same key, so the server records the event
 * once and replays its answer; a changed body gets a new key (the server would refuse the old one
 * with IDEMPOTENCY_KEY_REUSED); once recorded, the next event starts with a new key.
 */
export class IdempotencyKeys {
  private current: { fingerprint: string; key: string } | undefined;

  constructor(private readonly newKey: () => string = randomKey) {}

  keyFor(fingerprint: string): string {
    if (this.current?.fingerprint !== fingerprint) this.current = { fingerprint, key: this.newKey() };
    return this.current.key;
  }

  /** The event was recorded: its key is spent. */
  forget(): void {
    this.current = undefined;
  }
}
