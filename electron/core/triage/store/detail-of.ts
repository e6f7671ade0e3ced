import type { CriterionView, ExportChangeView, RubricCriterion, ScreeningVerdict, TriageDetail, TriageHistoryEntry } from '../../../../shared/api/contract';
import type { Stage } from '../../../../shared/domain/stages';
import { extraOfRow, recordOfRow } from '../../applications/store';
import { overrideView, type OverrideColumns } from '../../screening/store/sqlite-effective-verdict';
import { parseStoredState, storedState, viewOf } from '../actions';

/** What both engines read of an application for its triage detail, row by row as stored. */
export interface DetailParts {
  ref: number;
  application: Record<string, string | number | null>;
  screened: ResultRow;
  state: StateRow | undefined;
  otherApplications: TriageDetail['otherApplications'];
  rubric: RubricCriterion[];
  scores: TriageDetail['scores'];
  officerScores: TriageDetail['officerScores'];
  notes: TriageDetail['notes'];
  history: HistoryRow[];
  exportChanges: ExportChangeView[];
}

export interface ResultRow extends OverrideColumns {
  automaticVerdict: ScreeningVerdict;
  verdict: ScreeningVerdict;
  reasons_json: string;
  criteria_json: string;
  person_key: string;
  campaign_id: number;
}

export interface StateRow {
  stage: Stage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface HistoryRow {
  actionId: number;
  kind: TriageDetail['history'][number]['kind'];
  actor: string;
  at: string;
  undone_at: string | null;
  undone_by: string | null;
  before_json: string;
  after_json: string;
}

/** One application's triage detail from its stored rows: the same on either engine. */
export function detailOf(parts: DetailParts): Omit<TriageDetail, 'notices'> {
  const { ref, application, screened, state: row } = parts;
  const { stage, reason, assignee, score } = storedState(row, {});
  return {
    ref,
    campaignId: screened.campaign_id,
    raw: recordOfRow(application),
    extra: extraOfRow(application),
    state: { stage, reason, assignee, score },
    // A score alone leaves the version at 0: "changed by" names the last shared decision only.
    version: row?.version ?? 0,
    changedBy: row && row.version > 0 ? row.updated_by : null,
    changedAt: row && row.version > 0 ? row.updated_at : null,
    screening: {
      verdict: screened.verdict,
      automaticVerdict: screened.automaticVerdict,
      reasons: JSON.parse(screened.reasons_json) as string[],
      criteria: JSON.parse(screened.criteria_json) as CriterionView[],
      override: overrideView(screened, screened.automaticVerdict),
    },
    otherApplications: parts.otherApplications,
    rubric: parts.rubric,
    scores: parts.scores,
    officerScores: parts.officerScores,
    notes: parts.notes,
    history: parts.history.map(
      (h): TriageHistoryEntry => ({
        actionId: h.actionId,
        kind: h.kind,
        actor: h.actor,
        at: h.at,
        before: viewOf(parseStoredState(h.before_json)),
        after: viewOf(parseStoredState(h.after_json)),
        undone: h.undone_at ? { at: h.undone_at, by: h.undone_by ?? '' } : null,
      }),
    ),
    exportChanges: parts.exportChanges,
  };
}

/** The application's division as the rubric is looked up by (null: none readable). */
export const divisionOf = (application: Record<string, string | number | null>): string | null =>
  application.division_code === null || application.division_code === undefined ? null : String(application.division_code);
