import type { CampaignSummary } from '../../shared/api/contract';

/** The campaign to show: the one chosen before (if still there), else the first with applications, else the first. */
export function chooseCampaign(campaigns: CampaignSummary[], preferred: number | null): CampaignSummary | null {
  return (
    campaigns.find((c) => c.id === preferred) ??
    campaigns.find((c) => c.applicationCount > 0) ??
    campaigns[0] ??
    null
  );
}

/** Remembered per database file: campaign ids of two databases mean nothing to each other. */
function storageKey(databasePath: string): string {
  return `cohort.campaign:${databasePath}`;
}

export function readRememberedCampaign(databasePath: string): number | null {
  const value = Number(window.localStorage.getItem(storageKey(databasePath)));
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function rememberCampaign(databasePath: string, id: number): void {
  window.localStorage.setItem(storageKey(databasePath), String(id));
}
