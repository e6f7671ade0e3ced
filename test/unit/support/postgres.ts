import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, inject } from 'vitest';

/**
 * A fresh database per test on the run's PostgreSQL server (real PostgreSQL, never a mock), dropped
 * afterwards: `const url = await db()` gives a superuser's URL of it.
 */
export function usePostgresDatabase(): () => Promise<{ url: string; name: string }> {
  const made: string[] = [];
  const server = () => new URL(inject('postgresUrl'));
  afterEach(async () => {
    const admin = new pg.Client({ connectionString: server().href });
    await admin.connect();
    try {
      for (const name of made.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });
  return async () => {
    const name = `cohort_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server().href });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    made.push(name);
    const url = server();
    url.pathname = `/${name}`;
    return { url: url.href, name };
  };
}
