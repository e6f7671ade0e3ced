import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TriageActionKind } from '../../../shared/api/contract';
import { NOT_RETAINED_REASONS, SELECTION_STAGE_IDS, STAGE_IDS, type NotRetainedReason, type ProcessStage } from '../../../shared/domain/stages';

/** A stage of triage or after it (shortlisted, interview, selected…). */
export function isStage(id: string): id is ProcessStage {
  return (STAGE_IDS as readonly string[]).includes(id) || (SELECTION_STAGE_IDS as readonly string[]).includes(id);
}

export function isNotRetainedReason(id: string): id is NotRetainedReason {
  return (NOT_RETAINED_REASONS as readonly string[]).includes(id);
}

export interface TriageWords {
  /** A stage in the reader's language; an id this version does not know (a newer database) as itself. */
  stage(id: string): string;
  /** A not-retained reason in words; an unknown id as itself. */
  reason(id: string): string;
  /** What kind of action an entry of the history is ("Stage", "Score"…). */
  kind(kind: TriageActionKind): string;
}

/** The words for stages, reasons and action kinds, shared by the table, the sidebar and the detail pane. */
export function useTriageWords(): TriageWords {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      stage: (id) => (isStage(id) ? t(`triageDetail.stage.${id}`) : id),
      reason: (id) => (isNotRetainedReason(id) ? t(`triageDetail.reason.${id}`) : id),
      kind: (kind) => t(`triageDetail.kind.${kind}`),
    }),
    [t],
  );
}

/** How the queue names an applicant: family name in capitals first, as the office files them. */
export function applicantName(row: { firstName: string; lastName: string }): string {
  return `${row.lastName.toUpperCase()} ${row.firstName}`.trim();
}
