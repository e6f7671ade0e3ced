import { z } from 'zod';
import { isValidDate } from '../domain/datetime';
import type { ChangeTopic } from './events';

/** What every domain's contract module shares: the output-type marker and common input schemas. */

/** Names an output type without a runtime schema: outputs are produced by our own code. */
export function returns<T>(): T {
  return undefined as T;
}

/**
 * Marks a method as a query and names the topics its answer depends on: a change to any of them
 * (in its campaign, for an input with a campaignId) makes the renderer ask again. Methods without
 * `reads` change things, or are asked on purpose (a job's status), and are never cached.
 */
export function reads<const T extends readonly ChangeTopic[]>(...topics: T): T {
  return topics;
}

export const campaignId = z.number().int().positive();

/** A calendar day, YYYY-MM-DD, that exists (not 2026-02-31). */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine((day) => isValidDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))), 'There is no such day');
export const emptyInput = z.object({}).strict();

export interface CountRow {
  /** A division code, funding value, country… or null when the export left it blank / unreadable. */
  key: string | null;
  count: number;
}

/** How a table names an application (Screening, the queues): the export's words beside what they read as. */
export interface ApplicationHeading {
  /** The stored application's key (not the export's Application ID). */
  ref: number;
  applicationId: string;
  firstName: string;
  lastName: string;
  /** As the export wrote it (shown in the detail). */
  nationality: string;
  /** The country it names (ISO alpha-2), shown by name in the interface's language; null: not a country. */
  nationalityCode: string | null;
  /** As the export wrote it. */
  division: string;
  /** The division the Division field names; null when it names none. */
  divisionCode: string | null;
}

/**
 * The version of each application's decisions the officer saw (TriageRow.version,
 * TriageDetail.version; a screening override's id): a decision on one changed meanwhile is refused whole, with who changed it
 * and when ('ChangedMeanwhile'). The app always sends it; the command line decides on the state as it is.
 */
export const seenSchema = z.array(z.object({ ref: z.number().int().positive(), version: z.number().int().min(0) }).strict()).max(50_000).optional();
