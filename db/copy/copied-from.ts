/**
 * What a file copied from the office server records in campaigns.copied_from (0014): which server
 * (host, port, database: never the login's password), the campaign's number there, and when. A
 * campaign that has it is a read-only copy.
 */
export interface CopiedFrom {
  server: string;
  campaignId: number;
  at: string;
}

/** The mark as data, or null when it is not Cohort's JSON (then it is shown as it is). */
export function readCopiedFrom(text: string): CopiedFrom | null {
  try {
    const value = JSON.parse(text) as Partial<CopiedFrom>;
    return typeof value.server === 'string' && typeof value.at === 'string' && typeof value.campaignId === 'number' ? (value as CopiedFrom) : null;
  } catch {
    return null;
  }
}
