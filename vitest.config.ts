import { defineConfig } from 'vitest/config';
import { filesOnBothEngines } from './test/unit/support/engine-files';

/**
 * The unit suite runs twice (issue 14): on SQLite files (every test) and on a PostgreSQL server
 * (the tests that open the app, except files that say why they can only run on SQLite:
 * engine-files.ts). One PostgreSQL server serves the run (global-setup.ts).
 */
const UNIT = 'test/unit';

export default defineConfig({
  test: {
    // The worker and CLI tests run the bundled dist/node/*.cjs: build them once before the run.
    globalSetup: ['test/unit/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'sqlite', include: [`${UNIT}/**/*.test.ts`], env: { COHORT_TEST_ENGINE: 'sqlite' } } },
      { extends: true, test: { name: 'postgres', include: filesOnBothEngines(UNIT), env: { COHORT_TEST_ENGINE: 'postgres' } } },
    ],
  },
});
