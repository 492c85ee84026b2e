/**
 * Vitest: every test under tests/ (unit, sync, integration), in Node.
 *
 * Why: integration tests start real servers and child processes, so they get generous timeouts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
