import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The specs share one app and its demo data, so their order is part of the story: the handover
 * builder records the Laukkaing departure of 273 people (the demo seed leaves it undone for it,
 * DEMO_LEAVE_LAUKKAING_DEPARTURE), and the figures specs after it read that departure. The rest run
 * by name, the same order on every machine (Vitest's default orders by size and past durations).
 */
const FIRST = ['handovers.e2e.ts'];

export class StoryOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = FIRST.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return at === -1 ? FIRST.length : at;
    };
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
