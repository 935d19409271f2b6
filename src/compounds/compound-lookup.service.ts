import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompoundsRepository } from './compounds.repository';

/** What other features may ask about compounds (intake checks the compound it names). */
@Injectable()
export class CompoundLookup {
  constructor(private readonly compounds: CompoundsRepository) {}

  exists(m: EntityManager, id: string): Promise<boolean> {
    return this.compounds.exists(id, m);
  }
}
