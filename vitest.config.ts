/**
 * Vitest: every test under tests/ (unit, sync, integration, e2e), in Node.
 *
 * Why: integration tests start real servers and child processes, so they get generous timeouts.
 * e2e tests are a project of their own so that their global setup (build the client, unpack Chromium)
 * runs only when e2e tests are selected, and they get longer timeouts still. Node files run first,
 * two at a time (most of them wait on sockets and child processes); then the files whose figures
 * depend on a quiet machine (kill trials, the soak, rate limits, batching windows), one at a time;
 * then the e2e files, two at a time, each driving a Chromium and a server of its own (a page spends
 * most of its time waiting on the server or on its next frame, which leaves a core for the other file).
 */
import { configDefaults, defineConfig } from 'vitest/config';
import { LongE2eFirst } from './tests/e2e/longFirst.ts';

/** Node test files that time the server or load the machine themselves: they run alone. */
const TIMING = [
  'tests/integration/crashTrials.test.ts',
  'tests/integration/crash.test.ts',
  'tests/integration/fuzz.test.ts',
  'tests/integration/soak.test.ts',
  'tests/integration/serverConvergence.test.ts',
  'tests/integration/storage.test.ts',
  'tests/integration/spoof.test.ts',
  'tests/integration/limits.test.ts',
  'tests/integration/start.test.ts',
  'tests/integration/leaseKeeper.test.ts',
  'tests/unit/messageRate.test.ts',
  'tests/unit/broadcast.test.ts',
  'tests/integration/cluster.test.ts',
  'tests/integration/clusterFaults.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    sequence: { sequencer: LongE2eFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', ...TIMING],
        },
      },
      {
        extends: true,
        test: {
          name: 'timing',
          include: TIMING,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // Two files at a time: most of a file's time is a page waiting on the server or on a frame,
          // so a second file's Chromium fills the other core.
          maxWorkers: 2,
          // A worker keeps its modules (the server, playwright-core) from one file to the next; each file
          // still starts its own server and Chromium and closes them.
          isolate: false,
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // A page under a full suite's load can take seconds to show a change: poll for it that long.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
