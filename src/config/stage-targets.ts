/**
 * The stage clocks' defaults (API.md "Stage clocks"): how long a case may wait in each of these
 * statuses before it is overdue. Waiting for a consular notification counts only for people who
 * consent to it; the others wait for nothing the NGO controls.
 */
export const DEFAULT_STAGE_TARGET_HOURS = {
  presumed_victim: 72,
  consular_notified: 336,
  identity_verified: 336,
  documents_issued: 336,
  exit_cleared: 336,
  movement_scheduled: 336,
} as const;

export type StageWithTarget = keyof typeof DEFAULT_STAGE_TARGET_HOURS;
export const STAGES_WITH_TARGET = Object.keys(DEFAULT_STAGE_TARGET_HOURS) as StageWithTarget[];

/** `presumed_victim=72,consular_notified=336` over the defaults; an unknown stage is a start-up error. */
export function parseStageTargets(spec: string): Record<StageWithTarget, number> {
  const targets: Record<StageWithTarget, number> = { ...DEFAULT_STAGE_TARGET_HOURS };
  for (const part of spec.split(',').filter((p) => p.trim())) {
    const [name, hours] = part.split('=').map((s) => s.trim());
    if (!(name in targets)) {
      throw new Error(
        `STAGE_TARGETS names ${name}, which has no clock; known: ${STAGES_WITH_TARGET.join(', ')}`,
      );
    }
    const value = Number(hours);
    if (!(value > 0)) throw new Error(`STAGE_TARGETS: ${name} needs a positive number of hours`);
    targets[name as StageWithTarget] = value;
  }
  return targets;
}
