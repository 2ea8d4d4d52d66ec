import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the real platform in-process (in-memory PGlite, reference and
// demo data) and drives Debian's Chromium through playwright-core. One file at a time: the machine
// has two cores and Chromium plus the server already use both.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // Each page visited is also audited with axe (e2e/a11y.ts): about a second a page more.
    testTimeout: 90_000,
    // Answers of a server sharing two cores with Chromium can take over expect.poll's default 1 s.
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
