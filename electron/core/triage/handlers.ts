import type { SavedView } from '../../../shared/api/contract';
import { ConflictError, NotFoundError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import type { HandlerTable, WaitTable } from '../dispatch';
import { addNote, decide, score, undoLast } from './actions';
import { detail, facets, listQueue, queueRefs, rubricOf, sidebar } from './read';
import { auditWriter } from '../audit/audit-log';
import { applicationsChanged, scheduleSearchIndex, SEARCH_INDEX_TASK } from '../applications/applications-changed';

/** Waits for all screening, and for the search index when the view searches (scheduling it if rows are pending). */
async function readyFor(ctx: ServiceContext, search: string | undefined): Promise<void> {
  await ctx.background.settled();
  if (search && search.trim() !== '') {
    scheduleSearchIndex(ctx);
    await ctx.background.settled(SEARCH_INDEX_TASK);
  }
}

/** Beyond this many, an event names no applications: every window reloads what it shows. */
const REFS_IN_EVENT = 500;

function changed(ctx: ServiceContext, campaignId: number, refs?: readonly number[]): void {
  ctx.emit(refs && refs.length <= REFS_IN_EVENT ? { type: 'changed', scope: 'triage', campaignId, refs: [...refs] } : { type: 'changed', scope: 'triage', campaignId });
}

interface ViewRow {
  id: number;
  name: string;
  view_json: string;
  updated_at: string;
}
const toView = (r: ViewRow): SavedView => ({ id: r.id, name: r.name, ...(JSON.parse(r.view_json) as Omit<SavedView, 'id' | 'name' | 'updatedAt'>), updatedAt: r.updated_at });

type TriageMethod =
  | 'triage.sidebar'
  | 'triage.list'
  | 'triage.refs'
  | 'triage.detail'
  | 'triage.decide'
  | 'triage.score'
  | 'triage.note'
  | 'triage.undo'
  | 'triage.rubric'
  | 'triage.setRubric'
  | 'triage.facets'
  | 'triage.views'
  | 'triage.saveView'
  | 'triage.deleteView';

/** Triage reads verdicts (screening) and the search index: those settle first, where a method reads them. */
export const triageWaits: WaitTable<TriageMethod> = {
  'triage.sidebar': 'background',
  'triage.list': ({ filter }, ctx) => readyFor(ctx, filter.search),
  'triage.refs': ({ filter }, ctx) => readyFor(ctx, filter.search),
  'triage.detail': 'background',
  'triage.decide': 'background',
  'triage.score': 'background',
  'triage.note': 'background',
  'triage.undo': 'background',
  'triage.facets': 'background',
};

export const triageHandlers: HandlerTable<TriageMethod> = {
  async 'triage.sidebar'({ campaignId }, ctx) {
    return sidebar(ctx.session.open.sqlite, campaignId, ctx.officer);
  },

  async 'triage.list'({ campaignId, queue, filter, sort, offset, limit, withTotal }, ctx) {
    return listQueue(ctx.session.open.sqlite, campaignId, queue, filter, sort, offset, limit, withTotal);
  },

  async 'triage.refs'({ campaignId, queue, filter, sort }, ctx) {
    return queueRefs(ctx.session.open.sqlite, campaignId, queue, filter, sort);
  },

  async 'triage.detail'({ ref }, ctx) {
    return detail(ctx.session.open.sqlite, ref);
  },

  async 'triage.decide'(input, ctx) {
    const result = decide(ctx.session.open.sqlite, input, ctx.officer);
    if (input.division !== undefined) {
      // The division is a field of the application: screening and search follow it.
      applicationsChanged(ctx, result.campaignId);
    }
    changed(ctx, result.campaignId, input.refs);
    return { actionId: result.actionId, changed: result.changed };
  },

  async 'triage.score'(input, ctx) {
    const result = score(ctx.session.open.sqlite, input, ctx.officer);
    changed(ctx, result.campaignId, input.refs);
    return { actionId: result.actionId, changed: result.changed };
  },

  async 'triage.note'(input, ctx) {
    const result = addNote(ctx.session.open.sqlite, input, ctx.officer);
    changed(ctx, result.campaignId, [input.ref]);
    return { actionId: result.actionId, changed: result.changed };
  },

  async 'triage.undo'({ campaignId }, ctx) {
    const result = undoLast(ctx.session.open.sqlite, campaignId, ctx.officer);
    if (result.kind === 'division') applicationsChanged(ctx, campaignId);
    changed(ctx, campaignId, result.refs);
    return result;
  },

  async 'triage.rubric'({ campaignId, division }, ctx) {
    return rubricOf(ctx.session.open.sqlite, campaignId, division);
  },

  async 'triage.setRubric'({ campaignId, division, criteria }, ctx) {
    const { sqlite } = ctx.session.open;
    const at = new Date().toISOString();
    sqlite
      .transaction(() => {
        const current = rubricOf(sqlite, campaignId, division);
        const kept = new Set(criteria.flatMap((c) => (c.id === undefined ? [] : [c.id])));
        for (const c of current) if (!kept.has(c.id)) sqlite.prepare('UPDATE rubric_criteria SET archived = 1 WHERE id = ?').run(c.id);
        criteria.forEach((c, position) => {
          if (c.id === undefined) {
            sqlite.prepare('INSERT INTO rubric_criteria (campaign_id, division_code, position, label) VALUES (?, ?, ?, ?)').run(campaignId, division, position, c.label);
          } else {
            const updated = sqlite
              .prepare('UPDATE rubric_criteria SET label = ?, position = ? WHERE id = ? AND campaign_id = ? AND division_code = ? AND archived = 0')
              .run(c.label, position, c.id, campaignId, division);
            if (updated.changes !== 1) throw new NotFoundError(`Rubric criterion ${c.id} is not one of ${division}'s. Nothing was saved.`, 'NoSuchCriterion');
          }
        });
        auditWriter(sqlite)(
          { campaignId, actor: ctx.officer, action: 'triage.setRubric', subject: division, details: { before: current.map((c) => c.label), after: criteria.map((c) => c.label) } },
          at,
        );
      })
      .immediate();
    changed(ctx, campaignId);
    return rubricOf(sqlite, campaignId, division);
  },

  async 'triage.facets'({ campaignId, queue }, ctx) {
    return facets(ctx.session.open.sqlite, campaignId, queue);
  },

  async 'triage.views'({ campaignId }, ctx) {
    const rows = ctx.session.open.sqlite
      .prepare('SELECT id, name, view_json, updated_at FROM saved_views WHERE campaign_id = ? AND owner = ? ORDER BY name COLLATE NOCASE')
      .all(campaignId, ctx.officer) as ViewRow[];
    return rows.map(toView);
  },

  async 'triage.saveView'({ campaignId, name, queue, filter, sort, columns }, ctx) {
    const { sqlite } = ctx.session.open;
    const at = new Date().toISOString();
    const owner = ctx.officer;
    // Saving under an existing name replaces that view: the officer chose the name.
    sqlite
      .prepare(
        `INSERT INTO saved_views (campaign_id, owner, name, view_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (campaign_id, owner, name) DO UPDATE SET view_json = excluded.view_json, updated_at = excluded.updated_at`,
      )
      .run(campaignId, owner, name, JSON.stringify({ queue, filter, sort, columns }), at);
    const row = sqlite.prepare('SELECT id, name, view_json, updated_at FROM saved_views WHERE campaign_id = ? AND owner = ? AND name = ?').get(campaignId, owner, name) as ViewRow | undefined;
    if (!row) throw new ConflictError('The view could not be saved.', 'NotSaved');
    changed(ctx, campaignId);
    return toView(row);
  },

  async 'triage.deleteView'({ id }, ctx) {
    const { sqlite } = ctx.session.open;
    const row = sqlite.prepare('SELECT campaign_id FROM saved_views WHERE id = ? AND owner = ?').get(id, ctx.officer) as { campaign_id: number } | undefined;
    if (!row) return { deleted: false };
    sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
    changed(ctx, row.campaign_id);
    return { deleted: true };
  },
};
