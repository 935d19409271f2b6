import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers (everything but id and the hashes). */
export interface ChainedFields {
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** sha256 over the previous entry's hash and the canonical JSON of this entry. */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
