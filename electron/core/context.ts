import type { ApiEvent } from '../../shared/api/contract';
import type { BackgroundTasks } from './background';
import type { ImportJobs } from './import/jobs';
import type { DatabaseSession } from './session';

/** What every service receives besides its input: the database session and a way to report. */
export interface ServiceContext {
  session: DatabaseSession;
  /** Imports under way (inspected, staged) in this process. */
  imports: ImportJobs;
  /** Work left for after a request's answer (re-screening after an import). */
  background: BackgroundTasks;
  emit(event: ApiEvent): void;
  userName: string;
  appVersion: string;
  log?: (message: string, error?: unknown) => void;
}
