import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type { OutgoingFile } from './output';

/**
 * An e-mail for the office to send from its own mail program: Cohort never sends anything (it works
 * offline, and the office's mailbox is the record of what went out). The draft is an .eml file that
 * Outlook opens ready to send (`X-Unsent: 1`), in the recipient's language (`Content-Language`),
 * with names and text in UTF-8, and attachments (a shortlist workbook) inside it. Written by
 * nodemailer's MailComposer with file and URL access switched off: every part comes from memory.
 */

export interface Mailbox {
  name: string;
  address: string;
}

export interface EmailDraft {
  to: readonly Mailbox[];
  /** The office's mailbox, when known; Outlook fills in the user's own otherwise. */
  from?: Mailbox | null;
  subject: string;
  /** Plain text: read the same in every mail program. */
  text: string;
  /** 'en', 'fr', or 'en, fr' for a bilingual message. */
  language: 'en' | 'fr' | 'en, fr';
  attachments?: readonly { fileName: string; mediaType: string; bytes: Uint8Array }[];
  /** When the draft was made (its Date header). */
  date?: Date;
}

export const EMAIL_DRAFT_TYPE = 'message/rfc822';

/** What MailComposer is given for a draft: the one place that says how a draft is made (here or on the composer thread). */
export function draftOptions(draft: EmailDraft): MailComposerOptions {
  return {
    to: draft.to.map((m) => ({ name: m.name, address: m.address })),
    ...(draft.from ? { from: { name: draft.from.name, address: draft.from.address } } : {}),
    subject: draft.subject,
    text: draft.text,
    date: draft.date ?? new Date(),
    headers: { 'X-Unsent': '1', 'Content-Language': draft.language },
    attachments: (draft.attachments ?? []).map((a) => ({ filename: a.fileName, contentType: a.mediaType, content: Buffer.from(a.bytes) })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** A draft's file name, ending in .eml. */
export function draftFileName(fileName: string): string {
  return fileName.endsWith('.eml') ? fileName : `${fileName}.eml`;
}

/** The draft as a file to save (or download) through files/output.ts. */
export async function emailDraft(draft: EmailDraft, fileName: string): Promise<OutgoingFile> {
  const bytes = await new MailComposer(draftOptions(draft)).compile().build();
  return { fileName: draftFileName(fileName), mediaType: EMAIL_DRAFT_TYPE, bytes };
}
