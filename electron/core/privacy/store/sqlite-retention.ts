import type { SqliteDatabase } from '../../../../db/connection';
import { NotFoundError } from '../../../../shared/api/errors';

/** A campaign's retention as stored (0013): the handlers work out when the purge is due. */
export interface RetentionRow {
  closedOn: string | null;
  retentionMonths: number;
  purgedAt: string | null;
  /** Applications still holding personal data. */
  applications: number;
}

export function sqliteRetention(sqlite: SqliteDatabase) {
  const read = sqlite.prepare<[number], RetentionRow>(
    `SELECT closed_on AS closedOn, retention_months AS retentionMonths, purged_at AS purgedAt,
            (SELECT count(*) FROM applications WHERE campaign_id = c.id) AS applications
     FROM campaigns c WHERE id = ?`,
  );
  const write = sqlite.prepare<[string | null, number, number]>('UPDATE campaigns SET closed_on = ?, retention_months = ? WHERE id = ?');
  return {
    retention(campaignId: number): RetentionRow {
      const row = read.get(campaignId);
      if (!row) throw new NotFoundError(`There is no campaign ${campaignId}.`, 'CampaignNotFound');
      return row;
    },
    setRetention(campaignId: number, closedOn: string | null, retentionMonths: number): void {
      write.run(closedOn, retentionMonths, campaignId);
    },
  };
}
