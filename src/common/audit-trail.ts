import type { EntityManager } from 'typeorm';
import type { Principal } from './auth.decorators';

/**
 * The app itself acting, not a signed-in user: a scheduled job (retention), a command (key rotation),
 * the first start's admin. Recorded with no actor id and the role `system`, so the audit log tells it
 * apart from an act by nobody signed in (a failed sign-in: no id, no role).
 */
export const SYSTEM_ACTOR = { id: null, role: 'system' } as const;
export type SystemActor = typeof SYSTEM_ACTOR;

export interface AuditInput {
  /** A signed-in user, the app itself, or `null` for nobody signed in. */
  actor: Pick<Principal, 'id' | 'role'> | SystemActor | null;
  action: string;
  entityType?: string;
  entityId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  /** Field names, counts, reasons: never the values of personal or sensitive fields. */
  details?: Record<string, unknown>;
}

/**
 * What code in common/ (idempotent replays, key rotation) needs of the audit log. It is declared
 * here and provided by the audit module (AuditService), so that common/ imports no feature.
 */
export abstract class AuditTrail {
  /** Appends an entry inside the caller's transaction. */
  abstract record(manager: EntityManager, input: AuditInput): Promise<void>;
}
