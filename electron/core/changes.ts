import type { ChangedEvent, ChangeTopic } from '../../shared/api/contract';

/** Beyond this many, an event names no applications: every window reloads what it shows of the campaign. */
export const REFS_IN_EVENT = 500;

export interface ChangeAbout {
  campaignId?: number;
  refs?: readonly number[];
}

/** The event that tells every window what changed (see CHANGE_TOPICS for what each topic covers). */
export function changedEvent(topics: ChangeTopic | readonly ChangeTopic[], about: ChangeAbout = {}): ChangedEvent {
  const { campaignId, refs } = about;
  return {
    type: 'changed',
    topics: typeof topics === 'string' ? [topics] : [...topics],
    ...(campaignId !== undefined ? { campaignId } : {}),
    ...(refs !== undefined && refs.length <= REFS_IN_EVENT ? { refs: [...refs] } : {}),
  };
}
