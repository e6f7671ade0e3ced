import { z } from 'zod';

/**
 * Files going out: every export (rejected rows today; shortlists, notices and reports next) goes
 * one way. In Electron the page first asks the main process's native Save dialog for a place, and
 * the worker writes the file there (the page then offers "Show in folder"); in the web host the
 * worker hands the bytes back and the browser downloads them. The method that makes a file takes
 * a `target` and answers a `FileOutput`; nothing else about files differs between the two.
 */
export const fileTargetSchema = z.discriminatedUnion('kind', [
  /** A path the user chose in this session's Save dialog (the main process refuses any other). */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  /** A folder the user chose in this session's folder dialog, for a batch of files (e-mail drafts). */
  z.object({ kind: z.literal('folder'), path: z.string().min(1).max(4096) }).strict(),
  /** Back to the page, to download (a batch of files as one .zip). */
  z.object({ kind: z.literal('download') }).strict(),
]);
export type FileTarget = z.infer<typeof fileTargetSchema>;

export type FileOutput =
  | { kind: 'saved'; path: string; fileName: string; bytes: number }
  /** A batch written into a folder: the files' names as written (made unique beside files already there). */
  | { kind: 'savedFolder'; path: string; files: string[]; bytes: number }
  | { kind: 'download'; fileName: string; mediaType: string; base64: string };

/**
 * The name the rejected rows of an incoming file (an export, a hiring manager's workbook) are
 * saved under: "export - rejected rows.csv".
 */
export function rejectedRowsFileName(incomingFileName: string): string {
  return `${incomingFileName.replace(/\.[^.]+$/, '')} - rejected rows.csv`;
}
