export class AuditEntryView {
  id: string;
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
  hash: string;
}

export class AuditPageView {
  items: AuditEntryView[];
  nextCursor: string | null;
}

export class AuditVerifyView {
  valid: boolean;
  entries?: number;
  head?: string;
  brokenAt?: string;
}
