import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileTarget } from '../../../shared/api/files';
import type { ShortlistExportResult } from '../../../shared/api/shortlists';
import { AppError } from '../../../shared/api/errors';
import { brusselsDate } from '../../../shared/domain/datetime';
import { DIVISIONS } from '../../../shared/domain/divisions';
import { emailDraft } from '../files/email-draft';
import { writeOutput, xlsxFile, type OutgoingFile } from '../files/output';
import type { Seen } from '../triage/actions';
import type { ExportSources, ShortlistStore } from './store';
import { workbookCandidate } from './workbook-candidate';
import { candidateCodesCheck } from './workbook/reference';
import { writeShortlistWorkbook } from './workbook/write';

/**
 * Sending a shortlist to a hiring manager: the workbook is written with the id its record will
 * have (its reference names it), delivered (saved where the user chose, or downloaded), then
 * recorded with its SHA-256, which moves its candidates to Shortlisted. A file that could not be
 * recorded is removed, so no workbook is out that Cohort would not recognise.
 */

export interface ExportRequest {
  id: number;
  blind: boolean;
  manager: { name: string; email: string | null } | null;
  replyBy: string;
  format: 'xlsx' | 'eml';
  target: FileTarget;
  /** The candidates' versions the officer saw: sending moves them, refused if one changed meanwhile. */
  seen?: Seen[];
}

const ATTEMPTS = 3;

function longDate(date: string, language: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-BE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "DI shortlist 2027-01-15 (blind).xlsx": the division, the day, and whether names are left out. */
export function workbookFileName(sources: Pick<ExportSources, 'division' | 'position'>, sentOn: string, blind: boolean): string {
  const position = sources.position ? ` ${sources.position.replace(/[\\/:*?"<>|]+/g, ' ').trim()}` : '';
  return `${sources.division}${position} shortlist ${sentOn}${blind ? ' (blind)' : ''}.xlsx`;
}

/** The e-mail the office sends with the workbook: in English, then in French. */
function emailText(sources: ExportSources, replyBy: string, manager: ExportRequest['manager']): { subject: string; text: string } {
  const division = DIVISIONS.find((d) => d.code === sources.division);
  const count = sources.candidates.length;
  return {
    subject: `Shortlist ${sources.division}: reply by ${longDate(replyBy, 'en')} / Liste restreinte ${sources.division} : réponse attendue le ${longDate(replyBy, 'fr')}`,
    text: [
      `Dear ${manager?.name ?? 'colleague'},`,
      '',
      `Please find attached the shortlist of ${count} candidate${count === 1 ? '' : 's'} for the ${division?.en ?? sources.division}${sources.position ? ` (${sources.position})` : ''}, from the ${sources.campaign}.`,
      `For each candidate, choose a Decision in the workbook (Interview, Selected, Reserve, Not selected), give an interview date if you invite them, add any comments, and send the workbook back to us by ${longDate(replyBy, 'en')}. Please keep the candidate codes and the sheets as they are.`,
      '',
      'Kind regards,',
      'NATO Internship Programme',
      '',
      '---',
      '',
      'Madame, Monsieur,',
      '',
      `Veuillez trouver ci-joint la liste restreinte de ${count} candidat${count === 1 ? '' : 's'} pour la ${division?.fr ?? sources.division}${sources.position ? ` (${sources.position})` : ''}.`,
      `Pour chaque candidat, choisissez une Décision dans le classeur (Entretien, Sélectionné(e), Réserve, Non retenu(e)), indiquez une date d’entretien si vous l’invitez, ajoutez vos commentaires, et renvoyez-nous le classeur avant le ${longDate(replyBy, 'fr')}. Merci de ne pas modifier les codes des candidats ni les feuilles.`,
      '',
      'Cordialement,',
      'Programme de stages de l’OTAN',
    ].join('\n'),
  };
}

export async function exportShortlist(store: ShortlistStore, request: ExportRequest, actor: string, now = new Date()): Promise<ShortlistExportResult & { campaignId: number }> {
  const sources = await store.exportSources(request.id);
  const sentOn = brusselsDate(now.toISOString());
  const codes = sources.candidates.map((c) => c.candidateCode);
  const division = DIVISIONS.find((d) => d.code === sources.division);
  for (let attempt = 1; ; attempt++) {
    const exportId = await store.nextExportId();
    const workbook = await writeShortlistWorkbook({
      reference: { shortlistId: sources.shortlistId, exportId, check: candidateCodesCheck(codes) },
      campaign: sources.campaign,
      division: `${sources.division}: ${division?.en ?? sources.division}`,
      position: sources.position,
      sentOn,
      replyBy: request.replyBy,
      manager: request.manager,
      office: null,
      blind: request.blind,
      candidates: sources.candidates.map(workbookCandidate),
    });
    const name = request.target.kind === 'path' && request.format === 'xlsx' ? basename(request.target.path) : workbookFileName(sources, sentOn, request.blind);
    const attachment = xlsxFile(name.endsWith('.xlsx') ? name : workbookFileName(sources, sentOn, request.blind), workbook);
    let file: OutgoingFile = attachment;
    if (request.format === 'eml') {
      const { subject, text } = emailText(sources, request.replyBy, request.manager);
      const to = request.manager?.email ? [{ name: request.manager.name, address: request.manager.email }] : [];
      file = await emailDraft({ to, subject, text, language: 'en, fr', attachments: [attachment], date: now }, attachment.fileName.replace(/\.xlsx$/, '.eml'));
    }
    const output = writeOutput(request.target, file);
    try {
      const record = await store.recordExport(
        {
          shortlistId: sources.shortlistId,
          exportId,
          blind: request.blind,
          manager: request.manager,
          replyBy: request.replyBy,
          fileName: attachment.fileName,
          sha256: createHash('sha256').update(workbook).digest('hex'),
          check: candidateCodesCheck(codes),
          candidates: sources.candidates.map((c) => ({ ref: c.ref, applicationId: c.applicationId, candidateCode: c.candidateCode })),
          ...(request.seen ? { seen: request.seen } : {}),
        },
        actor,
      );
      return { export: record, file: output, campaignId: sources.campaignId };
    } catch (error) {
      if (output.kind === 'saved') rmSync(output.path, { force: true });
      if (output.kind === 'savedFolder') for (const name of output.files) rmSync(join(output.path, name), { force: true });
      if (attempt < ATTEMPTS && error instanceof AppError && error.kind === 'ExportIdTaken') continue;
      throw error;
    }
  }
}
