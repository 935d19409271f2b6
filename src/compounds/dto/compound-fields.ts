/** What is known of a compound now (DESIGN.md §2). */
export const COMPOUND_STATUSES = ['active', 'raided', 'closed', 'unknown'] as const;
export type CompoundStatus = (typeof COMPOUND_STATUSES)[number];

/** Length limits, counted in characters (code points), not bytes. */
export const COMPOUND_LIMITS = {
  name: 200,
  aliases: 20,
  place: 200,
  notes: 2_000,
} as const;
