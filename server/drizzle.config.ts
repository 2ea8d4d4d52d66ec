import { defineConfig } from 'drizzle-kit';

// One migration history for every module: drizzle-kit reads each table file listed here.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/src/platform/**/*.tables.ts', './server/src/modules/**/*.tables.ts'],
  out: './server/migrations',
});
