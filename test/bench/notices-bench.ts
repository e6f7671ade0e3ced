import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { openSqlite } from '../../db/connection';
import { prepareNotices } from '../../electron/core/notices/prepare';
import { compileTemplates, renderNotice } from '../../electron/core/notices/render';
import { sqliteNoticeStore, type NoticeStore } from '../../electron/core/notices/store';
import { answeringAsync } from '../../electron/core/synchronous-store';

/**
 * Notices (issue 12) on a screened campaign: the Notices page's counts (every person's outcome
 * from all of their applications), and preparing the ineligible notices as e-mail drafts, beside
 * MailComposer building the same messages in a loop (what any draft costs).
 */

export interface NoticeTimes {
  people: number;
  /** The first count, every person worked out (a database just upgraded, or a campaign just screened). */
  firstMs: number;
  /** The counts just after an officer's decision on one application. */
  statusMs: number[];
  /** The counts again, nothing written since (the page reopened). */
  statusAgainMs: number[];
  drafts: number;
  prepareMs: number;
  baselineMs: number;
}

export async function measureNotices(databasePath: string, root: string): Promise<NoticeTimes> {
  const sqlite = openSqlite(databasePath);
  try {
    const store = answeringAsync<NoticeStore>(sqliteNoticeStore(sqlite));
    const statusMs: number[] = [];
    const statusAgainMs: number[] = [];
    sqlite.exec('DELETE FROM notice_standing; INSERT INTO notice_standing_stale (campaign_id, person_key) SELECT DISTINCT campaign_id, person_key FROM screening_results WHERE true ON CONFLICT DO NOTHING;');
    let started = performance.now();
    let people = (await store.summary(1)).people;
    const firstMs = performance.now() - started;
    // An officer's decision on one application (the person worked out again), then the counts.
    const decided = sqlite.prepare<[], number>("SELECT application_ref FROM screening_results WHERE campaign_id = 1 AND verdict = 'eligible' ORDER BY application_ref LIMIT 1").pluck().get();
    if (decided === undefined) throw new Error('The bench campaign has no eligible application');
    const decide = sqlite.prepare<[number, string, string]>(
      `INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (?, 1, ?, ?, 'bench')
       ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage, updated_at = excluded.updated_at`,
    );
    for (let i = 0; i < 7; i++) {
      decide.run(decided, i % 2 === 0 ? 'notRetained' : 'inReview', new Date().toISOString());
      started = performance.now();
      people = (await store.summary(1)).people;
      statusMs.push(performance.now() - started);
      started = performance.now();
      await store.summary(1);
      statusAgainMs.push(performance.now() - started);
    }

    // The baseline first: the same messages (rendered from the same people), built by MailComposer alone.
    const owed = (await store.people(1)).filter((p) => p.status.owed === 'ineligible' && p.latest.email.trim() !== '');
    const compiled = compileTemplates(await store.templates(1), 'ineligible');
    const messages = owed.map((p) => ({ person: p, ...renderNotice(compiled, p, null) }));
    started = performance.now();
    for (const m of messages) {
      await new MailComposer({ to: { name: `${m.person.latest.firstName} ${m.person.latest.lastName}`, address: m.person.latest.email.trim() }, subject: m.subject, text: m.body, headers: { 'X-Unsent': '1', 'Content-Language': m.language } })
        .compile()
        .build();
    }
    const baselineMs = performance.now() - started;

    const folder = mkdtempSync(join(root, 'notices-'));
    started = performance.now();
    const batch = await prepareNotices(store, { campaignId: 1, outcome: 'ineligible', format: 'eml', office: null, target: { kind: 'folder', path: folder } }, 'bench');
    const prepareMs = performance.now() - started;
    rmSync(folder, { recursive: true, force: true });
    return { people, firstMs, statusMs, statusAgainMs, drafts: batch.file.kind === 'savedFolder' ? batch.file.files.length : 0, prepareMs, baselineMs };
  } finally {
    sqlite.close();
  }
}
