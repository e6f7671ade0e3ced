import type { PersonIdentity } from './person-scope';

/** An erasure or purge whose backups and free pages are still to be cleared (privacy_owed, 0013). */
export interface OwedWork {
  id: number;
  kind: 'erase' | 'purge';
  campaignId: number;
  identity: PersonIdentity | null;
  auditId: number | null;
  at: string;
}

/** A privacy_owed row as both engines read it. */
export interface OwedRow extends Omit<OwedWork, 'identity'> {
  identityJson: string | null;
}

export const OWED_SQL = 'SELECT id, kind, campaign_id AS "campaignId", identity_json AS "identityJson", audit_id AS "auditId", at FROM privacy_owed ORDER BY id';

export function owedWorkOf({ identityJson, ...row }: OwedRow): OwedWork {
  return { ...row, identity: identityJson === null ? null : (JSON.parse(identityJson) as PersonIdentity) };
}

/** The audit entry of the work, with what became of the backups added to what it said. */
export function settledDetails(current: string | null, details: Record<string, unknown>): string {
  return JSON.stringify({ ...(JSON.parse(current ?? '{}') as Record<string, unknown>), ...details });
}
