import type { StageWithTarget } from '../../config/stage-targets';
import { consentGrantedSql, type Bind } from '../access/person-scope';

/**
 * The stage clocks (API.md "Stage clocks"), as SQL over `people` aliased `alias`: a case is overdue
 * when it has been in its status (since `status_since`) longer than that stage's target. Waiting for a
 * consular notification counts only when the person consents to one. The people list and the
 * caseload report both read overdue cases from here.
 */
function stages(alias: string, targets: Readonly<Record<StageWithTarget, number>>, bind: Bind) {
  return (Object.entries(targets) as [StageWithTarget, number][]).map(([stage, hours]) => ({
    stage,
    target: `make_interval(secs => ${bind(hours * 3600)}::double precision)`,
    extra: stage === 'presumed_victim' ? ` AND ${consentGrantedSql(alias, 'consular_notification')}` : '',
  }));
}

/** Overdue now: one (status, status_since) range per stage, so the partial index serves each. */
export function overdueSql(
  alias: string,
  targets: Readonly<Record<StageWithTarget, number>>,
  bind: Bind,
): string {
  const parts = stages(alias, targets, bind).map(
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
  const whens = stages(alias, targets, bind).map(
    (s) => `WHEN ${alias}.status = '${s.stage}'${s.extra} THEN ${alias}.status_since + ${s.target}`,
  );
  return `(CASE ${whens.join(' ')} END)`;
}
