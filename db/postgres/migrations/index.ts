import { pgMigration0001 } from './0001_schema';
import { pgMigration0002 } from './0002_working_together';
import { pgMigration0003 } from './0003_screening';
import { pgMigration0004 } from './0004_imports';
import { pgMigration0005 } from './0005_notices';
import type { PgMigration } from './types';

/** Every PostgreSQL migration, in order (listed in code: the app is bundled). */
export const PG_MIGRATIONS: readonly PgMigration[] = [pgMigration0001, pgMigration0002, pgMigration0003, pgMigration0004, pgMigration0005];

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS.length;
