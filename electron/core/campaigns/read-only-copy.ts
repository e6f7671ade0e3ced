import { readCopiedFrom } from '../../../db/copy/copied-from';
import { methods, type MethodName } from '../../../shared/api/contract';
import { ReadOnlyCopyError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';

/**
 * A campaign copied from the office server to a file (`cohort campaign copy --to FILE`, marked in
 * campaigns.copied_from) is read-only there: nothing done in it would reach the server. The
 * dispatcher asks here before every request; the contract says which methods only read (`reads`),
 * and every other one is refused in such a file, but for the few below that change no campaign.
 * A copy is made into a new file and campaign.create is refused in it, so the file holds that
 * campaign alone: "the database holds a copy" and "the request's campaign is a copy" are one.
 * A method added later is refused until it is listed here: a copy is never written by mistake.
 */
export const ALLOWED_IN_A_COPY: ReadonlySet<MethodName> = new Set<MethodName>([
  // This workstation's name for its officer: a preference, not the campaign's.
  'app.setOfficerName',
  // The file's own housekeeping, and leaving it for another database.
  'database.backupNow',
  'database.deleteBackup',
  'database.restore',
  'database.open',
  // Work in progress of this process only (none can start in a copy).
  'import.status',
  'import.cancel',
  'shortlists.replyCancel',
]);

function isQuery(method: MethodName): boolean {
  return 'reads' in methods[method];
}

/** Throws ReadOnlyCopyError when `method` would change a database holding a read-only copy. */
export function refuseWritesToACopy(method: MethodName, ctx: Pick<ServiceContext, 'session'>): void {
  if (isQuery(method) || ALLOWED_IN_A_COPY.has(method)) return;
  // Copies are files: the office server's campaigns are the originals.
  if (ctx.session.open.engine !== 'sqlite') return;
  const mark = ctx.session.open.sqlite.prepare<[], string>('SELECT copied_from FROM campaigns WHERE copied_from IS NOT NULL LIMIT 1').pluck().get();
  if (mark === undefined) return;
  throw new ReadOnlyCopyError(readCopiedFrom(mark));
}
