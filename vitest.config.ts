import { defineConfig } from 'vitest/config';
import { scaled } from './tests/machine-pace.ts';

// Limits are for an idle machine, scaled by how busy this one is (tests/machine-pace.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/scenarios/**/*.test.ts'],
          exclude: ['tests/scenarios/**/*.docker.test.ts'],
          testTimeout: scaled(20_000),
          hookTimeout: scaled(20_000),
        },
      },
      {
        // One Docker Engine, shared: real-engine tests run one file at a time.
        test: {
          name: 'docker',
          include: ['tests/docker/**/*.test.ts', 'tests/scenarios/**/*.docker.test.ts'],
          fileParallelism: false,
          // A real engine on a busy 2-core machine has moments no test controls (a port the
          // kernel has not let go, a server slow to start beside the browser tests): a test that
          // fails is run once more, and fails the suite only if it fails again. `npm test` names
          // every test that needed the second run at its end (scripts/test.ts), so a flaky one
          // is seen, not hidden.
          retry: 1,
          testTimeout: scaled(300_000),
          hookTimeout: scaled(300_000),
        },
      },
    ],
  },
});
