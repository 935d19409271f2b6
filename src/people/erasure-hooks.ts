import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A feature that holds data about a person and wipes it when the person is erased. */
export interface ForgetsPeople {
  forgetPerson(m: EntityManager, personId: string): Promise<void>;
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

  async forget(m: EntityManager, personId: string): Promise<void> {
    for (const participant of this.participants) await participant.forgetPerson(m, personId);
  }
}
