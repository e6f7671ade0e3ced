import { ConflictError } from '../../../shared/api/errors';

/**
 * A batch of notices is marked sent once. Two officers (or two windows) marking the same batch:
 * the second finds none of its notices still prepared. Saying "0 sent" would hide that someone else
 * did it; the second is told who marked it and when, and nothing is written (issue 14: a decision
 * made on a state that changed meanwhile is refused with who and when).
 */
export class BatchAlreadySentError extends ConflictError {
  constructor(batchId: number, by: string, at: string) {
    super(`This batch of notices (number ${batchId}) was already marked sent by ${by} at ${at}. Nothing was changed.`, 'BatchAlreadySent', { batchId, by, at });
  }
}

/** Who last marked one of a batch's notices sent, and when, as both engines read it. */
export const LAST_SENT_SQL = 'SELECT updated_by AS "by", sent_at AS "at" FROM notices WHERE batch_id = ? AND sent_at IS NOT NULL ORDER BY sent_at DESC, id DESC LIMIT 1';

/** Refuses marking a batch none of whose notices is still prepared, when someone marked it sent. */
export function checkBatchOpen(batchId: number, stillPrepared: number, lastSent: { by: string | null; at: string } | undefined): void {
  if (stillPrepared === 0 && lastSent) throw new BatchAlreadySentError(batchId, lastSent.by ?? 'another officer', lastSent.at);
}

/**
 * A batch whose files could not be written is forgotten: its notices never went out. Only those
 * still prepared, though: between the batch's commit and its files, another officer (or window) may
 * have marked it sent — those people were told, and forgetting their notices would owe them again.
 * The batch goes only when none of its notices is left.
 */
export const FORGET_BATCH_SQL = {
  notices: "DELETE FROM notices WHERE batch_id = ? AND state = 'prepared'",
  batch: 'DELETE FROM notice_batches WHERE id = ? AND NOT EXISTS (SELECT 1 FROM notices WHERE batch_id = ?)',
} as const;
