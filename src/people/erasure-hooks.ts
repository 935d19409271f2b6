import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A feature that holds data about people and wipes it when they are erased. */
export interface ForgetsPeople {
  /** Wipes what it holds about these people (one erasure or a retention batch). */
  forgetPeople(m: EntityManager, personIds: string[]): Promise<void>;
  /** The tables it wipes in, vacuumed after a retention run so wiped values leave the files sooner. */
  readonly tablesHoldingPeople: readonly string[];
}

/**
 * Erasure asks each feature holding data about a person to forget it, in the erasure's transaction,
 * instead of writing other features' tables itself. Features that depend on people (consular
 * coordination) register here when they start, so people need not depend on them.
 */
@Injectable()
export class PersonErasureHooks {
  private readonly participants: ForgetsPeople[] = [];

  register(participant: ForgetsPeople): void {
    this.participants.push(participant);
  }

  async forget(m: EntityManager, personIds: string[]): Promise<void> {
    for (const participant of this.participants) await participant.forgetPeople(m, personIds);
  }

  tables(): string[] {
    return this.participants.flatMap((p) => p.tablesHoldingPeople);
  }
}
