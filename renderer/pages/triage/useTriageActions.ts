import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { MethodInput, TriageActionResult } from '../../../shared/api/contract';
import { ApiCallError, toErrorData, type AppErrorData } from '../../../shared/api/errors';
import type { DivisionCode } from '../../../shared/domain/divisions';
import type { NotRetainedReason, Stage } from '../../../shared/domain/stages';
import { useClient, useEpoch } from '../../api/ClientContext';
import { applicantName, useTriageWords } from './triageWords';
import type { CurrentApplication } from './useCurrentApplication';
import type { QueueCursor } from './useQueueCursor';
import type { StageTab } from './useQueueView';
import type { QueueWindow } from './useQueueWindow';
import { useSeenVersions, type Seen } from './useSeenVersions';

/** A stage given by one key to more applications than this is confirmed first. */
export const BULK_CONFIRM_OVER = 20;

interface Options {
  campaignId: number;
  window: QueueWindow;
  cursor: QueueCursor;
  current: CurrentApplication;
  stageTab: StageTab;
  /** A stage for a large selection, to be confirmed before it is given. */
  confirmBulk(stage: Stage): void;
}

/** The services refused a decision because an application changed since the officer saw it. */
export function isChangedMeanwhile(error: AppErrorData | undefined): boolean {
  return error?.kind === 'ChangedMeanwhile';
}

/**
 * Shows the state as it is now, everywhere the triage page shows it, after a refusal that says the
 * screen was behind (another officer decided meanwhile): the change feed would bring it too, but a
 * window that has not heard yet (another workstation, a feed between two reloads) must not wait.
 */
export function useShowCurrentState(window: QueueWindow) {
  const cache = useQueryClient();
  const epoch = useEpoch();
  return () => {
    window.reload();
    for (const method of ['triage.detail', 'triage.sidebar'] as const) void cache.invalidateQueries({ queryKey: ['api', epoch, method] });
  };
}

/**
 * The officer's decisions on the current application or the selection: stage, score, assignment,
 * division, undo. Each is saved at once; a stage shows before the database answers (the row
 * takes it, the cursor moves on), and a refusal puts the view right and says why. Every shared
 * decision carries the versions the officer saw (useSeenVersions): one made on what another
 * officer changed meanwhile is refused whole, and the page then shows the new state, back on the
 * application refused.
 */
export function useTriageActions({ campaignId, window, cursor, current, stageTab, confirmBulk }: Options) {
  const client = useClient();
  const words = useTriageWords();
  const [error, setError] = useState<AppErrorData | undefined>();
  const { selected, setSelected, setStatus, setCursor, targets } = cursor;
  const { currentRef, currentRow } = current;
  const index = cursor.cursor.index;
  const versions = useSeenVersions(window, current);
  const showCurrentState = useShowCurrentState(window);

  /**
   * Runs an action; on success says what it did, on failure shows why (nothing is left half done:
   * the services refuse whole). `seen`: the versions a shared decision was sent with.
   */
  const act = async (run: () => Promise<TriageActionResult | unknown>, done: (t: TFunction) => string, after?: () => void, seen: readonly Seen[] = []) => {
    versions.sent(seen);
    try {
      await run();
      setError(undefined);
      setStatus(done);
      after?.();
    } catch (caught) {
      // client.call rejects with the service's error wrapped: its code and kind say what to show.
      const refused = caught instanceof ApiCallError ? caught.data : toErrorData(caught);
      versions.forget(seen.map((s) => s.ref));
      if (isChangedMeanwhile(refused)) {
        showCurrentState();
        // A single decision had moved the cursor on: back to the application refused, to see its new state.
        if (selected.size === 0 && currentRef !== null) setCursor({ index, ref: currentRef });
      } else {
        // What was shown ahead of the answer is put right by reloading.
        window.reload();
      }
      setError(refused);
    }
  };

  /** A shared decision on these applications, sent with the versions the officer sees. */
  const decide = (input: { refs: number[] } & Omit<MethodInput<'triage.decide'>, 'refs' | 'seen'>, done: (t: TFunction) => string, after?: () => void) => {
    const seen = versions.seenFor(input.refs);
    return act(() => client.call('triage.decide', { ...input, seen }), done, after, seen);
  };

  /** A decision on the current row (no selection) moves on to the next row at once. */
  const decideStage = (stage: Stage, reason?: NotRetainedReason | null, confirmed = false) => {
    const refs = targets();
    if (refs.length === 0) return;
    const bulk = selected.size > 0;
    // One key on a large selection (Ctrl+A, then S) asks first; X asks anyway (its reason dialog names the count).
    if (bulk && refs.length > BULK_CONFIRM_OVER && !confirmed && stage !== 'notRetained') {
      current.cancelKey();
      confirmBulk(stage);
      return;
    }
    const name = currentRow ? applicantName(currentRow) : '';
    const label = (tt: TFunction) => (bulk ? tt('triage.status.bulk', { count: refs.length, stage: words.stage(stage) }) : tt('triage.status.one', { name, stage: words.stage(stage) }));
    const leaves = stageTab !== 'any' && stageTab !== stage;
    if (!bulk) {
      // Shown before the answer: the officer is already on the next application.
      const next = window.rowAt(index + 1);
      if (leaves || next) setCursor(leaves ? { index, ref: next?.ref ?? null } : { index: index + 1, ref: next?.ref ?? null });
    } else if (leaves && currentRef !== null && refs.includes(currentRef)) {
      // The selection leaves the view, the current application with it: on to the next one that stays.
      const moved = new Set(refs);
      let i = index + 1;
      while (window.rowAt(i) !== undefined && moved.has(window.rowAt(i)?.ref ?? -1)) i++;
      setCursor({ index, ref: window.rowAt(i)?.ref ?? null });
    }
    window.applyStage(refs, stage);
    void decide(reason === undefined ? { refs, stage } : { refs, stage, reason }, label, bulk ? () => setSelected(new Set()) : undefined);
  };

  const score = (value: number | null) => {
    const refs = targets();
    if (refs.length === 0) return;
    const criterion = current.detail?.rubric[current.activeCriterion];
    void act(
      () => client.call('triage.score', { refs, criterionId: criterion?.id ?? 0, score: value }),
      (tt) => tt('triage.status.scored', { count: refs.length, score: value ?? '–', criterion: criterion?.label ?? tt('triage.overallScore') }),
    );
  };

  const assign = (assignee: string | null) => {
    const refs = targets();
    if (refs.length === 0) return;
    void decide(
      { refs, assignee },
      (tt) => (assignee === null ? tt('triage.status.unassigned', { count: refs.length }) : tt('triage.status.assigned', { count: refs.length, officer: assignee })),
    );
  };

  const giveDivision = (division: DivisionCode) => {
    const refs = targets();
    if (refs.length === 0) return;
    void decide({ refs, division }, (tt) => tt('triage.status.division', { count: refs.length, division }), () => setSelected(new Set()));
  };

  const undo = () =>
    void client.tryCall('triage.undo', { campaignId }).then((result) => {
      if (!result.ok) {
        // Refused because the application changed again since: show it as it is now.
        if (result.error.kind === 'ChangedSince') showCurrentState();
        setError(result.error);
        return;
      }
      setError(undefined);
      const { restored, kind } = result.value;
      // Undoing a shared decision is one: the next key on these applications must not be refused as changed by oneself.
      if (kind !== 'score') versions.movedOn(result.value.refs);
      setStatus((tt) => tt('triage.status.undone', { count: restored, what: words.kind(kind) }));
      const ref = result.value.refs[0];
      // Back to the application put back, when this view shows it.
      if (ref !== undefined) setCursor({ index, ref });
      window.reload();
    });

  /** A score (or its comment) given in the detail pane, to the application shown. */
  const scoreShown = (criterionId: number, value: number | null, comment?: string) => {
    if (currentRef === null) return;
    void act(
      () => client.call('triage.score', comment === undefined ? { refs: [currentRef], criterionId, score: value } : { refs: [currentRef], criterionId, score: value, comment }),
      (tt) => (comment === undefined ? tt('triage.status.scored', { count: 1, score: value ?? '–', criterion: '' }) : tt('triage.status.commented')),
    );
  };

  /** A note on the application shown, with the version seen; a refusal rejects (the note dialog keeps the text and shows why). */
  const note = async (ref: number, text: string) => {
    const seen = versions.seenFor([ref]);
    versions.sent(seen);
    const result = await client.tryCall('triage.note', { ref, text, seen });
    if (!result.ok) {
      versions.forget([ref]);
      if (isChangedMeanwhile(result.error)) showCurrentState();
      throw new ApiCallError(result.error);
    }
    setStatus((tt) => tt('triage.status.noted'));
  };

  return { error, decideStage, score, assign, giveDivision, undo, scoreShown, note };
}
