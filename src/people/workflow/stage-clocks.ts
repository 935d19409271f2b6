import type { StageWithTarget } from '../../config/stage-targets';
import { consentGrantedSql, type Bind } from '../access/person-scope';

/**
 * The stage clocks (API.md "Stage clocks"), as SQL over `people` aliased `alias`: a case is overdue
 * when it has been in its status (since `status_since`) longer than that stage's target. Waiting for a
 * consular notification counts only when the person consents to one. The people list and the
 * caseload report both read overdue cases from here.
 */
export interface StageClock {
  stage: StageWithTarget;
  /** The stage's target as an SQL interval. */
  target: string;
  /** ` AND …` when the clock runs only for some cases (consent to consular notification), else ''. */
  extra: string;
}

/**
 * Whether the person consents to a consular notification now: read from `consents` by default; the
 * reports' read model holds it as a column (`report_cases.notification_consent`).
 */
const consentsNow = (alias: string) => consentGrantedSql(alias, 'consular_notification');

/** Each stage's clock as SQL pieces, for queries that walk the stages one by one (oldest overdue first). */
export function stageClocks(
  alias: string,
  targets: Readonly<Record<StageWithTarget, number>>,
  bind: Bind,
  consent = consentsNow(alias),
): StageClock[] {
  return (Object.entries(targets) as [StageWithTarget, number][]).map(([stage, hours]) => ({
    stage,
    target: `make_interval(secs => ${bind(hours * 3600)}::double precision)`,
    extra: stage === 'presumed_victim' ? ` AND ${consent}` : '',
  }));
}

/** Overdue now: one (status, status_since) range per stage, so the partial index serves each. */
export function overdueSql(
  alias: string,
  targets: Readonly<Record<StageWithTarget, number>>,
  bind: Bind,
  consent = consentsNow(alias),
): string {
  const parts = stageClocks(alias, targets, bind, consent).map(
    (s) => `(${alias}.status = '${s.stage}' AND ${alias}.status_since < now() - ${s.target}${s.extra})`,
  );
  return `(${parts.join(' OR ')})`;
}

/** When the case became overdue (entry into the status + the target), or null for a stage with no clock. */
export function overdueSinceSql(
  alias: string,
  targets: Readonly<Record<StageWithTarget, number>>,
  bind: Bind,
): string {
  const whens = stageClocks(alias, targets, bind).map(
    (s) => `WHEN ${alias}.status = '${s.stage}'${s.extra} THEN ${alias}.status_since + ${s.target}`,
  );
  return `(CASE ${whens.join(' ')} END)`;
}
