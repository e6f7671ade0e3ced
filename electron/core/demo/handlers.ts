import { ConflictError } from '../../../shared/api/errors';
import { parseStatus } from '../../../shared/domain/listed-values';
import { generateDemoApplications } from './generate';
import type { HandlerTable } from '../dispatch';
import { countApplications } from '../app/store';
import { writeAudit } from '../audit/audit-log';
import { applicationsChanged } from '../applications/applications-changed';
import { buildMidSeason } from './mid-season';

const PROGRESS_EVERY = 1000;

export const demoHandlers: HandlerTable<'demo.load'> = {
  /**
   * Fills a campaign with a realistic synthetic season (see demo/generate.ts). Drafts are skipped,
   * as an import would skip them. One transaction: a cancelled or failed load leaves nothing.
   */
  async 'demo.load'({ campaignId, count, seed, midSeason }, ctx) {
    const { db } = ctx.session.open;
    const { campaigns, applications } = ctx.session.open.stores;
    const id = campaignId ?? (await campaigns.firstId());
    const campaign = await campaigns.load(id);
    const existing = await countApplications(db, id);
    if (existing > 0) {
      throw new ConflictError(
        `The campaign "${campaign.name}" already holds ${existing} applications. Demo data can only be loaded into an empty campaign: create a new campaign or database first.`,
        'CampaignNotEmpty',
      );
    }
    const started = performance.now();
    ctx.emit({ type: 'progress', job: 'demo', done: 0, total: count });
    let lastReported = 0;
    // `count` is what the office will see stored; drafts come on top and are skipped, as an
    // import skips them, so generate with headroom and stop at `count`.
    const submitted = (function* () {
      let kept = 0;
      for (const record of generateDemoApplications({ count: Math.ceil(count * 1.3) + 20, seed })) {
        if (parseStatus(record.status) === 'draft') continue;
        yield record;
        if (++kept === count) return;
      }
    })();
    const inserted = await applications.insertNew(id, submitted, {
      source: 'demo',
      onProgress: (done) => {
        if (done - lastReported >= PROGRESS_EVERY) {
          lastReported = done;
          ctx.emit({ type: 'progress', job: 'demo', done, total: count });
        }
      },
    });
    await writeAudit(db, { campaignId: id, actor: ctx.officer, action: 'demo.load', details: { requested: count, inserted, seed: seed ?? null } });
    ctx.emit({ type: 'progress', job: 'demo', done: count, total: count });
    applicationsChanged(ctx, id);
    if (midSeason) {
      // Triage and selection read the verdicts: screening first, then the season's work.
      await ctx.background.settled();
      await buildMidSeason(ctx.session.open.stores, id, ctx.officer);
      ctx.changed(['triage', 'shortlists'], { campaignId: id });
    }
    return { campaignId: id, inserted, durationMs: Math.round(performance.now() - started) };
  },
};
