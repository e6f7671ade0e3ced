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
  /** The counts just after a write (any write: they are counted again). */
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
    let people = 0;
    for (let i = 0; i < 7; i++) {
      sqlite.prepare("INSERT OR REPLACE INTO preferences (key, value) VALUES ('bench.notices', ?)").run(String(i));
      let started = performance.now();
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
    let started = performance.now();
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
    return { people, statusMs, statusAgainMs, drafts: batch.file.kind === 'savedFolder' ? batch.file.files.length : 0, prepareMs, baselineMs };
  } finally {
    sqlite.close();
  }
}
