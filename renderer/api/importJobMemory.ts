/**
 * The import job this tab's wizard holds, remembered in the tab's session storage: after a reload
 * (or a crash of the page) the tab still knows which import it began, and can say how it ended.
 * Jobs the wizard holds now are "own": their progress is the wizard's to show, not the shell's.
 */

const KEY = 'cohort.importJob';

export interface RememberedImport {
  jobId: string;
  campaignId: number;
  fileName: string;
}

const own = new Set<string>();

function isRemembered(value: unknown): value is RememberedImport {
  const v = value as Partial<RememberedImport> | null;
  return typeof v?.jobId === 'string' && typeof v.campaignId === 'number' && typeof v.fileName === 'string';
}

/** The wizard holds a job: remember it for this tab. */
export function holdImportJob(job: RememberedImport): void {
  own.add(job.jobId);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(job));
  } catch {
    // Storage refused: a reload will not be able to say how the import ended.
  }
}

/** The wizard let go of a job (finished, cancelled, another file): nothing to say after a reload. */
export function releaseImportJob(jobId: string): void {
  own.delete(jobId);
  if (rememberedImport()?.jobId === jobId) forgetRememberedImport();
}

export function isOwnImportJob(jobId: string): boolean {
  return own.has(jobId);
}

/** The job this tab began before it was reloaded, if any (null when the wizard holds it now). */
export function rememberedImport(): RememberedImport | null {
  try {
    const text = sessionStorage.getItem(KEY);
    const value: unknown = text === null ? null : JSON.parse(text);
    return isRemembered(value) ? value : null;
  } catch {
    return null;
  }
}

export function forgetRememberedImport(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
