import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startTestServer } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL of the run's throwaway PostgreSQL server (postgres-server.ts). */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--quiet'], { stdio: 'inherit' });
  const server = await startTestServer();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
