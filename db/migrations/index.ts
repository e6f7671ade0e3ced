import { migration0001 } from './0001_campaigns_and_audit';
import { migration0002 } from './0002_applications';
import { migration0003 } from './0003_imports';
import { migration0004 } from './0004_screening';
import { migration0005 } from './0005_corrections_and_duplicates';
import { migration0006 } from './0006_triage';
import { migration0007 } from './0007_screening_owed';
import { migration0008 } from './0008_nationality_code_and_name_key';
import { migration0009 } from './0009_search_prefix_index';
import { migration0010 } from './0010_shortlists';
import { migration0011 } from './0011_notices';
import { migration0012 } from './0012_notice_standing';
import { migration0013 } from './0013_personal_data';
import { migration0014 } from './0014_working_together';
import type { Migration } from './types';

/**
 * Every migration, in order. Listed in code, not found by scanning a folder: the app is bundled.
 * Add a step by appending it here, with a test in test/unit/migrations.test.ts that fills the
 * previous schema with rows and checks them after migrating.
 */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
