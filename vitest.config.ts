import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/scenarios/**/*.test.ts'],
          exclude: ['tests/scenarios/**/*.docker.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // One Docker Engine, shared: real-engine tests run one file at a time.
        test: {
          name: 'docker',
          include: ['tests/docker/**/*.test.ts', 'tests/scenarios/**/*.docker.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
