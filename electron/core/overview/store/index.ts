import type { Overview } from '../../../../shared/api/contract';

export { pgOverviewStore, sqliteOverviewStore } from './overview-figures';

/** The campaign's figures, without the triage queues and the next step (the handler adds those). */
export type CampaignFigures = Omit<Overview, 'campaignId' | 'campaignName' | 'divisions' | 'nextStep'>;

/** The Overview's counts over a campaign's applications, verdicts and submissions per week. */
export interface OverviewStore {
  /** `deadline`: the NATO-funded deadline as an instant (later submissions are counted as late). */
  figures(campaignId: number, deadline: string, underWay: boolean): Promise<CampaignFigures>;
}
