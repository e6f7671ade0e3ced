/** Events the services send to every window: progress of long jobs, what changed, native-menu commands. */

export interface ProgressEvent {
  type: 'progress';
  /** Which long job: 'demo', 'import', later 'screening'… */
  job: string;
  /** The job's id when several may run (imports). */
  jobId?: string;
  /** What is being done now, e.g. 'reading' or 'writing' for an import. */
  phase?: string;
  /** Units of work done and in all (rows for the demo, bytes read for an import). */
  done: number;
  total: number;
  /** Rows handled so far, when `done` counts something else (bytes). */
  rows?: number;
}

export interface ChangedEvent {
  type: 'changed';
  /** 'triage': stages, scores, notes, assignments (not verdicts). */
  scope: 'database' | 'campaign' | 'applications' | 'triage';
  /** The applications concerned, when few (a triage action): windows reload only what shows them. */
  refs?: number[];
  campaignId?: number;
}

/** A native-menu command the renderer should carry out (Electron only). */
export interface CommandEvent {
  type: 'command';
  command: 'newCampaign' | 'import' | 'restore' | 'settings' | 'overview';
}

export type ApiEvent = ProgressEvent | ChangedEvent | CommandEvent;
