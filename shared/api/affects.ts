import { readsOf, type QueryMethodName } from './contract';
import type { ChangedEvent } from './events';

/**
 * Whether a change may alter the answer of `method(input)`: the one rule every cached answer in
 * the renderer is reloaded by. A change affects a query when
 * - it is of the database (another one opened, restored), which every query reads; or
 * - one of its topics is among those the method reads (its contract entry), and
 *   - it concerns the query's campaign (or names none), for an input with a campaignId, and
 *   - it names applications (a triage action on a few) that include the query's one, for an input with a ref.
 */
export function affects(event: ChangedEvent, method: QueryMethodName, input: unknown): boolean {
  if (event.topics.includes('database')) return true;
  const read = readsOf(method);
  if (!event.topics.some((topic) => read.includes(topic))) return false;
  const fields = typeof input === 'object' && input !== null ? (input as { campaignId?: unknown; ref?: unknown }) : {};
  if (event.campaignId !== undefined && typeof fields.campaignId === 'number' && fields.campaignId !== event.campaignId) return false;
  if (event.refs !== undefined && typeof fields.ref === 'number' && !event.refs.includes(fields.ref)) return false;
  return true;
}
