import type { ApiEvent, ChangeTopic, MethodName } from '../../shared/api/contract';
import type { ChangeAbout } from './changes';
import type { BackgroundTasks } from './background';
import type { ImportJobs } from './import/jobs';
import type { ReplyJobs } from './shortlists/replies';
import type { DatabaseSession } from './session';

/** What every service receives besides its input: the database session and a way to report. */
export interface ServiceContext {
  session: DatabaseSession;
  /** Imports under way (inspected, staged) in this process. */
  imports: ImportJobs;
  /** Hiring managers' replies being previewed, in this process. */
  replies: ReplyJobs;
  /** Work left for after a request's answer (re-screening after an import). */
  background: BackgroundTasks;
  emit(event: ApiEvent): void;
  userName: string;
  appVersion: string;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Who makes a request, as its transport knows it: the OS user in the app and the CLI, the web
 * host's session. Team mode gives each officer their own identity here.
 */
export interface Caller {
  userName: string;
}

/** What a handler receives: the services' context, with the request's caller and helpers. */
export interface RequestContext extends ServiceContext {
  method: MethodName;
  caller: Caller;
  /** The name the caller's decisions carry (their recorded officer name, else their user name); read once per request. */
  readonly officer: string;
  /** Tells every window what this request changed, so each reloads what shows it. */
  changed(topics: ChangeTopic | readonly ChangeTopic[], about?: ChangeAbout): void;
}
