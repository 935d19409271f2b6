import type { EntityManager } from 'typeorm';
import type { Principal } from './auth.decorators';

export interface AuditInput {
  actor: Pick<Principal, 'id' | 'role'> | null;
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
