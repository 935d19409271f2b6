import type { Principal } from '../common/auth.decorators';
import { CASE_STAFF } from '../common/roles';
import type { AppConfig } from '../config/app-config';
import { ApiError } from '../common/errors';

/**
 * Whose figures a caller gets and at which threshold (DESIGN.md §4–§5): staff exact figures (k = 0)
 * over everyone; analysts at the restricted k over everyone; donors at the donor k; an embassy at the
 * restricted k over its own nationals only, consenting or not (the figures are theirs to know, the
 * people are not).
 */
export interface ReportAudience {
  threshold: number;
  /** Nationalities the figures are restricted to, or null for everyone. */
  nationalities: string[] | null;
}

export function reportAudience(principal: Principal, config: AppConfig): ReportAudience {
  if (CASE_STAFF.includes(principal.role)) return { threshold: 0, nationalities: null };
  if (principal.role === 'donor') return { threshold: config.reports.kDonor, nationalities: null };
  if (principal.role === 'consular') {
    return { threshold: config.reports.kRestricted, nationalities: principal.nationalities };
  }
  return { threshold: config.reports.kRestricted, nationalities: null };
}

/** A nationality filter within the audience's reach: an embassy asking for another country's is refused. */
export function nationalitiesFor(audience: ReportAudience, asked?: string): string[] | null {
  if (!asked) return audience.nationalities;
  if (audience.nationalities && !audience.nationalities.includes(asked)) {
    throw ApiError.forbidden(`Your figures cover ${audience.nationalities.join(', ')} only`);
  }
  return [asked];
}
