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

/**
 * What a change touched, named by the domain that owns the data. A query method declares the
 * topics it reads (`reads` in its contract entry); the renderer's one change subscriber reloads the
 * queries whose topics a change names, and nothing else filters events by hand.
 * - database: another database opened or restored, the officer's name: everything reloads;
 * - backups: a backup made or deleted, or a backup problem found or solved;
 * - campaigns: a campaign created or its settings changed;
 * - applications: imported values, corrections, verdicts, duplicates (the screening side);
 * - triage: stages (after triage too: interviews, selection, offers), scores, notes, assignments, rubrics, views;
 * - shortlists: lists, their order and notes, exports sent, replies applied;
 * - notices: templates, prepared batches, sent, bounced and re-sent notices;
 * - connection: the office server was lost (team mode): only its status reloads, the pages keep
 *   what they show (its return is a `database` change: everything reloads).
 */
export const CHANGE_TOPICS = ['database', 'backups', 'campaigns', 'applications', 'triage', 'shortlists', 'notices', 'connection'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

export interface ChangedEvent {
  type: 'changed';
  /** What it touched: one topic, or several (a shortlist sent moves its candidates' stages too). */
  topics: ChangeTopic[];
  /** The applications concerned, when few (a triage action): windows reload only what shows them. */
  refs?: number[];
  /** The campaign concerned; absent when any may be. */
  campaignId?: number;
}

/** A native-menu command the renderer should carry out (Electron only). */
export interface CommandEvent {
  type: 'command';
  command: 'newCampaign' | 'import' | 'restore' | 'settings' | 'overview';
}

export type ApiEvent = ProgressEvent | ChangedEvent | CommandEvent;
