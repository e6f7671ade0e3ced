import { z } from 'zod';

/** What every domain's contract module shares: the output-type marker and common input schemas. */

/** Names an output type without a runtime schema: outputs are produced by our own code. */
export function returns<T>(): T {
  return undefined as T;
}

export const campaignId = z.number().int().positive();
export const emptyInput = z.object({}).strict();

export interface CountRow {
  /** A division code, funding value, country… or null when the export left it blank / unreadable. */
  key: string | null;
  count: number;
}
