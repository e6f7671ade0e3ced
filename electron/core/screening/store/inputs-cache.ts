import { indexPersons, type PersonIndex, type ScreeningInput } from '../../../../shared/domain/eligibility';
import { findPossibleDuplicates, type PossibleDuplicate } from '../../../../shared/domain/eligibility/possible-duplicates';
import type { ScreeningInputs, StoredRow } from './index';

/**
 * The last campaign's screening inputs, with the state of its applications they were read from,
 * and its persons for the last set of confirmed links (and the possible duplicates found among
 * them). Reading and shaping 50,000 rows is a third of a re-screen; a setting change or a duplicate
 * decision re-screens the same rows, so they are kept. One campaign only: memory is bounded.
 * Both engines' stores keep theirs here; each reads the state, the rows and the links its own way.
 */
interface CachedCampaign {
  campaignId: number;
  state: string;
  rows: readonly StoredRow[];
  inputs: readonly ScreeningInput[];
  persons?: { links: string; index: PersonIndex; duplicates?: PossibleDuplicate[] };
}

export class CampaignInputsCache {
  private cached: CachedCampaign | null = null;

  /** The kept entry if its campaign's applications are still in `state`. */
  fresh(campaignId: number, state: string): CachedCampaign | null {
    return this.cached && this.cached.campaignId === campaignId && this.cached.state === state ? this.cached : null;
  }

  /** Keeps the rows read for a campaign in `state`, in place of the last campaign's. */
  keep(campaignId: number, state: string, rows: readonly StoredRow[]): CachedCampaign {
    this.cached = { campaignId, state, rows, inputs: rows.map((r) => r.input) };
    return this.cached;
  }

  /** An entry's inputs with its persons for these confirmed links (worked out again only when the links changed). */
  inputsOf(entry: CachedCampaign, links: [string, string][]): ScreeningInputs {
    const linksKey = JSON.stringify(links.map(([a, b]) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)).sort());
    if (entry.persons?.links !== linksKey) entry.persons = { links: linksKey, index: indexPersons(entry.inputs, links) };
    return { rows: entry.rows, inputs: entry.inputs, persons: entry.persons.index };
  }

  /** The possible duplicates among these inputs, kept with the persons they were found among. */
  possibleDuplicates({ rows, inputs, persons }: ScreeningInputs): { rows: readonly StoredRow[]; pairs: PossibleDuplicate[] } {
    const kept = this.cached?.persons;
    if (kept && kept.index === persons) {
      kept.duplicates ??= findPossibleDuplicates(inputs, persons);
      return { rows, pairs: kept.duplicates };
    }
    return { rows, pairs: findPossibleDuplicates(inputs, persons) };
  }
}
