import { useRef, useState } from 'react';
import type { ShortlistCandidate } from '../../../shared/api/shortlists';
import { useApiMutation } from '../../api/hooks';
import { useNotify } from '../../components/Notify';

/** The order after moving the candidate at `from` to `to` (both indexes of `refs`). */
export function moved(refs: readonly number[], from: number, to: number): number[] {
  const next = [...refs];
  const [ref] = next.splice(from, 1);
  if (ref === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, ref);
  return next;
}

/**
 * The office's order of a shortlist, changed by keys or by dragging. The new order shows at once;
 * the services are told each change whole (the list's every candidate, in order), so presses in
 * quick succession each build on the last one shown rather than on a stale answer.
 */
export function useCandidateOrder(id: number, entries: readonly ShortlistCandidate[]) {
  const arrange = useApiMutation('shortlists.arrange');
  const notify = useNotify();
  const [pending, setPending] = useState<number[] | null>(null);
  const latest = useRef(0);
  const byRef = new Map(entries.map((e) => [e.ref, e]));
  // The list's own answer has caught up with the order asked: it speaks for itself again.
  if (pending && pending.length === entries.length && pending.every((ref, i) => entries[i]?.ref === ref)) setPending(null);
  const shownRefs = pending && pending.length === entries.length && pending.every((r) => byRef.has(r)) ? pending : entries.map((e) => e.ref);
  const shown = shownRefs.flatMap((ref) => byRef.get(ref) ?? []);

  async function move(from: number, to: number): Promise<void> {
    if (to < 0 || to >= shownRefs.length || from === to) return;
    const order = moved(shownRefs, from, to);
    const request = ++latest.current;
    setPending(order);
    const result = await arrange.run({ id, refs: order });
    if (request !== latest.current || result.ok) return;
    setPending(null);
    notify.error(result.error);
  }

  return { shown, move };
}
