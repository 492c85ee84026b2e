/**
 * Vitest sequencer: the longest e2e files start first, then the rest in Vitest's own order.
 *
 * Why: e2e files run two at a time. Vitest orders files by their last run's duration, but on a fresh
 * clone it has no record and orders them by size, which puts the short rehearsal (a small file that
 * plays a whole day) last: one worker would then play it alone while the other waits. Starting the
 * few long files first lets the short ones fill in around them. Every other project keeps Vitest's
 * order, and so does the order of the projects themselves.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The e2e files that take longest, longest first (each several times an average file). */
export const LONG_E2E_FILES = [
  'tests/e2e/rehearsal.test.ts',
  'tests/e2e/dayWalk.test.ts',
  'tests/e2e/rehearsalTablets.test.ts',
  'tests/e2e/visibleStates.test.ts',
  'tests/e2e/accessibility.test.ts',
];

export class LongE2eFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONG_E2E_FILES.findIndex((f) => spec.moduleId.endsWith(f));
      return i < 0 ? LONG_E2E_FILES.length : i;
    };
    // The e2e files keep the places they hold in the whole order; only their order among themselves changes.
    const places = sorted.flatMap((spec, i) => (spec.project.name === 'e2e' ? [i] : []));
    const e2e = places.map((i) => sorted[i]!).sort((a, b) => rank(a) - rank(b));
    places.forEach((place, k) => (sorted[place] = e2e[k]!));
    return sorted;
  }
}
