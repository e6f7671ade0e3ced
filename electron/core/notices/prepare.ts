import type { FileTarget } from '../../../shared/api/files';
import type { PreparedBatch } from '../../../shared/api/notices';
import type { NoticeOutcome } from '../../../shared/domain/notice-outcome';
import { ValidationError } from '../../../shared/api/errors';
import { composeDrafts } from '../files/draft-composer';
import { csvFile, writeOutput, writeOutputs } from '../files/output';
import { toCsv } from '../export/csv';
import { compileTemplates, renderNotice } from './render';
import type { NoticeStore } from './store';

/**
 * Preparing a batch: the templates are checked first (a typo stops everything before anything is
 * recorded), the owed notices are recorded as prepared in one transaction, then written: one e-mail
 * draft per person with an address, or one CSV for a mail merge. If the files cannot be written,
 * the batch is forgotten: those notices were never out.
 */
export async function prepareNotices(
  store: NoticeStore,
  request: { campaignId: number; outcome: NoticeOutcome; format: 'eml' | 'csv'; office: string | null; target: FileTarget },
  actor: string,
): Promise<PreparedBatch> {
  const compiled = compileTemplates(await store.templates(request.campaignId), request.outcome);
  const { batchId, people } = await store.prepare(request.campaignId, request.outcome, request.format, actor);
  if (batchId === null) throw new ValidationError('No notice of this kind is owed: everyone concerned has been told.', [], 'NothingOwed');
  const withAddress = people.filter((p) => p.latest.email.trim() !== '');
  const withoutAddress = people.filter((p) => p.latest.email.trim() === '').map((p) => ({ applications: p.applications.map((a) => a.applicationId).sort() }));
  const rendered = (person: (typeof people)[number]) => ({ person, ...renderNotice(compiled, person, request.office) });
  const name = `Notices ${request.outcome} ${batchId}`;
  try {
    let file;
    if (request.format === 'eml') {
      // Rendered here as the composer thread asks for more, made there, written as they come.
      const drafts = (function* () {
        for (const person of withAddress) {
          const n = rendered(person);
          yield {
            draft: { to: [{ name: `${n.person.latest.firstName} ${n.person.latest.lastName}`.trim(), address: n.person.latest.email.trim() }], subject: n.subject, text: n.body, language: n.language },
            fileName: `${n.person.latest.lastName} ${n.person.latest.firstName} - ${request.outcome}.eml`,
          };
        }
      })();
      file = await writeOutputs(request.target, composeDrafts(drafts), name);
    } else {
      const rows = withAddress.map(rendered).map((n) => [n.person.latest.email.trim(), n.language, n.person.latest.firstName, n.person.latest.lastName, n.subject, n.body]);
      file = writeOutput(request.target, csvFile(`${name}.csv`, toCsv([['Email', 'Language', 'First name', 'Last name', 'Subject', 'Text'], ...rows])));
    }
    return { batchId, outcome: request.outcome, prepared: people.length, file, withoutAddress };
  } catch (error) {
    await store.forgetBatch(batchId);
    throw error;
  }
}
