import { hash, verify } from '@node-rs/argon2';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

// @node-rs/argon2 declares Algorithm as a const enum, which isolatedModules cannot inline.
const ARGON2ID = 2;

/** argon2id with OWASP's minimums (m >= 19 MiB, t >= 2, p = 1), raised through config. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when the email is unknown, so both paths cost one argon2 run. */
  private dummyHash = '';

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('not-a-password-of-anyone');
  }

  hash(password: string): Promise<string> {
    const { memoryCost, timeCost } = this.config.auth.argon2;
    return hash(password, { algorithm: ARGON2ID, memoryCost, timeCost, parallelism: 1 });
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      const ok = await verify(passwordHash ?? this.dummyHash, password);
      return ok && passwordHash !== undefined;
    } catch {
      return false;
    }
  }
}
