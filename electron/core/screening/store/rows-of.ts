import type { CorrectionView, CriterionView, OverrideView, ScreeningDetail, ScreeningLine, ScreeningRow, ScreeningVerdict } from '../../../../shared/api/contract';
import { extraOfRow, PARSED_COLUMNS, recordOfRow } from '../../applications/store';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE, OVERRIDE_COLUMNS, overrideView, type OverrideColumns } from './sqlite-effective-verdict';

/**
 * Screening's rows as both engines read them: the joined row of a tab (ROW_SELECT, plain SQL both
 * run) and what the contract shows of it, one application's detail assembled from its reads, a
 * line of the CLI. One place per fact, as triage's detail-of.ts: the tab's row is both engines';
 * the detail's and the line's shapes are pg-reads.ts's (sqlite-reads.ts keeps its own, on `?` placeholders).
 */

export interface RowRecord extends OverrideColumns {
  ref: number;
  application_id: string;
  first_name: string;
  last_name: string;
  nationality: string;
  nationality_code: string | null;
  division: string;
  division_code: string | null;
  submitted_at: string | null;
  verdict: ScreeningVerdict;
  automatic_verdict: ScreeningVerdict;
  reasons_json: string;
}

/** A tab's row: the application, its verdict that counts and its latest override. */
export const ROW_SELECT = `SELECT a.id AS ref, a.application_id, a.first_name, a.last_name, a.nationality, a.nationality_code, a.division, a.division_code, a.submitted_at,
    ${EFFECTIVE_VERDICT} AS verdict, r.verdict AS automatic_verdict, r.reasons_json, ${OVERRIDE_COLUMNS}
  FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}`;

export function rowOf(r: RowRecord): ScreeningRow {
  return {
    ref: r.ref,
    applicationId: r.application_id,
    firstName: r.first_name,
    lastName: r.last_name,
    nationality: r.nationality,
    nationalityCode: r.nationality_code,
    division: r.division,
    divisionCode: r.division_code,
    submittedAt: r.submitted_at,
    verdict: r.verdict,
    automaticVerdict: r.automatic_verdict,
    reasons: JSON.parse(r.reasons_json) as string[],
    override: overrideView(r, r.automatic_verdict),
  };
}

/** Every override of an application, newest first, as stored (`?`: numbered on the server). */
export const OVERRIDES_SELECT = 'SELECT id, verdict, justification, automatic_verdict, automatic_reasons_json, state, actor, at FROM screening_overrides WHERE application_ref = ? ORDER BY id DESC';

export interface OverrideRecord {
  id: number;
  verdict: ScreeningVerdict;
  justification: string;
  automatic_verdict: ScreeningVerdict;
  automatic_reasons_json: string;
  state: 'active' | 'stale';
  actor: string;
  at: string;
}

export function overrideOf(o: OverrideRecord): OverrideView {
  return {
    id: o.id,
    verdict: o.verdict,
    justification: o.justification,
    automaticVerdict: o.automatic_verdict,
    automaticReasons: JSON.parse(o.automatic_reasons_json) as string[],
    state: o.state,
    actor: o.actor,
    at: o.at,
  };
}

export const CORRECTIONS_SELECT = `SELECT id, field, imported_value AS imported, corrected_value AS corrected, reason, state, actor, at
  FROM application_corrections WHERE application_ref = ? ORDER BY id DESC`;

export interface ResultRecord {
  criteria_json: string;
  person_key: string;
  rules_version: number;
  screened_at: string;
  campaign_id: number;
}

export type PersonApplication = ScreeningDetail['person']['applications'][number];

/** The parsed forms the rules read, from a stored row (the name key only orders tables: not something the export said). */
export function parsedOf(app: Record<string, unknown>): ScreeningDetail['parsed'] {
  return Object.fromEntries(
    Object.entries(PARSED_COLUMNS)
      .filter(([key]) => key !== 'nameKey')
      .map(([key, column]) => {
        const v = (app[column] ?? null) as string | number | null;
        return [key, key === 'currentlyEnrolled' && v !== null ? v === 1 : v];
      }),
  );
}

/** One application's detail from its reads (its person's notices are the notices store's to add). */
export function detailOf(parts: {
  record: RowRecord;
  application: Record<string, unknown>;
  result: ResultRecord;
  overrides: readonly OverrideRecord[];
  person: PersonApplication[];
  corrections: CorrectionView[];
  exportChanges: ScreeningDetail['exportChanges'];
}): Omit<ScreeningDetail, 'notices'> {
  const { record, application, result } = parts;
  return {
    row: rowOf(record),
    raw: recordOfRow(application),
    parsed: parsedOf(application),
    extra: extraOfRow(application),
    criteria: JSON.parse(result.criteria_json) as CriterionView[],
    overrides: parts.overrides.map(overrideOf),
    person: { key: result.person_key, applications: parts.person },
    rulesVersion: result.rules_version,
    screenedAt: result.screened_at,
    corrections: parts.corrections,
    exportChanges: parts.exportChanges,
  };
}

export interface LineRecord {
  application_id: string;
  verdict: ScreeningVerdict;
  reasons_json: string;
  o_verdict: ScreeningVerdict | null;
  o_state: 'active' | 'stale' | null;
}

export function lineOf(r: LineRecord): ScreeningLine {
  const line: ScreeningLine = { applicationId: r.application_id, verdict: r.verdict, reasons: JSON.parse(r.reasons_json) as string[] };
  if (r.o_verdict && r.o_state) line.override = { verdict: r.o_verdict, state: r.o_state };
  return line;
}
