import { defineConfig } from 'vitest/config';

// `npm test` runs every server test on in-memory PGlite; `npm run test:pg` (TEST_DB=postgres) runs
// the same files on PostgreSQL, each file in its own database cloned from a migrated template.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
