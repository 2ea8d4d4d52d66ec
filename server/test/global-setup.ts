import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropTestDatabases } from './pg.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

/** On PostgreSQL, migrates one template database that every test file clones. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB !== 'postgres') {
    project.provide('pgTemplate', null);
    return;
  }
  const template = await createTemplateDatabase();
  project.provide('pgTemplate', template);
  return async () => {
    await dropTestDatabases(template);
  };
}
