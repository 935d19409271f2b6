import type { Role } from '../common/roles';
import type { StageWithTarget } from './stage-targets';

/** The validated, typed configuration. Injected by its class; nothing reads process.env elsewhere. */
export abstract class AppConfig {
  abstract readonly env: 'development' | 'production' | 'test';
  abstract readonly host: string;
  abstract readonly port: number;
  /** Unset: the embedded PostgreSQL under dataDir is started and used. */
  abstract readonly databaseUrl: string | undefined;
  /** The tables' owner, who runs the migrations; unset: databaseUrl does (and owns the tables). */
  abstract readonly databaseMigrationUrl: string | undefined;
  abstract readonly databasePoolSize: number;
  /**
   * The longest a request waits on the database: for a pooled connection, for a new one, for one
   * statement. Past it the request fails with 503 DATABASE_UNAVAILABLE instead of hanging.
   */
  abstract readonly databaseTimeoutMs: number;
  abstract readonly dataDir: string;
  /** The built web app served at `/` (index.html, assets/). */
  abstract readonly webDir: string;
  /** Port of the embedded PostgreSQL (used when databaseUrl is unset). */
  abstract readonly embeddedDatabasePort: number;
  abstract readonly logLevel: string;
  abstract readonly corsOrigins: string[];
  abstract readonly trustProxy: boolean;
  abstract readonly auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    sessionMaxHours: number;
    loginMaxFailures: number;
    loginLockMinutes: number;
    throttleLimit: number;
    throttleTtlSeconds: number;
    argon2: { memoryCost: number; timeCost: number };
    /** Roles that may not use the app without two-factor sign-in (MFA_REQUIRED_ROLES). */
    mfaRequiredRoles: readonly Role[];
  };
  /** How much one user may ask of the database (see src/rate-limits). */
  abstract readonly limits: {
    /** Calls per user to one expensive route in a window of `userThrottleTtlSeconds`. */
    userThrottleLimit: number;
    userThrottleTtlSeconds: number;
    /** Person records shown to one user in an hour before further reads are refused (bulk-read guard). */
    readAlertPerHour: number;
    /** Budget of each statement of a search, in milliseconds. */
    searchTimeoutMs: number;
  };
  abstract readonly encryption: {
    keys: Record<string, Buffer>;
    activeKeyId: string;
    blindIndexKey: Buffer;
  };
  abstract readonly bootstrapAdmin: { email: string; password: string } | undefined;
  abstract readonly reports: { kDonor: number; kRestricted: number };
  /** Target hours per workflow stage (the stage clocks): a case longer in its status is overdue. */
  abstract readonly stageTargetHours: Readonly<Record<StageWithTarget, number>>;
  /** A closed case is erased this many whole years after it was closed. */
  abstract readonly retention: { closedYears: number };
}
