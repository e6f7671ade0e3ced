import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { composeDrafts } from '../../electron/core/files/draft-composer';
import { emailDraft, type EmailDraft } from '../../electron/core/files/email-draft';

describe('an e-mail draft', () => {
  it('opens in Outlook as a draft to send, in the right language, with UTF-8 names and its attachment whole', async () => {
    const attachment = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3, 255]);
    const file = await emailDraft(
      {
        to: [{ name: 'Hélène Dubœuf-Łukasz', address: 'h.duboeuf@example.int' }],
        from: { name: 'Bureau des stages', address: 'internships@example.int' },
        subject: 'Liste restreinte DI — réponse attendue le 29 janvier',
        text: 'Bonjour,\n\nVeuillez trouver ci-joint la liste restreinte.\n\nCordialement',
        language: 'fr',
        attachments: [{ fileName: 'DI – liste restreinte.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: attachment }],
        date: new Date('2027-01-15T09:00:00Z'),
      },
      'DI shortlist',
    );
    expect(file.fileName).toBe('DI shortlist.eml');
    expect(file.mediaType).toBe('message/rfc822');
    const raw = new TextDecoder().decode(file.bytes);
    expect(raw).toMatch(/^X-Unsent: 1\r$/m);
    expect(raw).toMatch(/^Content-Language: fr\r$/m);
    const mail = await PostalMime.parse(file.bytes);
    expect(mail.to).toEqual([{ name: 'Hélène Dubœuf-Łukasz', address: 'h.duboeuf@example.int' }]);
    expect(mail.from).toEqual({ name: 'Bureau des stages', address: 'internships@example.int' });
    expect(mail.subject).toBe('Liste restreinte DI — réponse attendue le 29 janvier');
    expect(mail.text?.trim()).toBe('Bonjour,\n\nVeuillez trouver ci-joint la liste restreinte.\n\nCordialement');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe('DI – liste restreinte.xlsx');
    expect(new Uint8Array(mail.attachments[0]?.content as ArrayBuffer)).toEqual(attachment);
  });

  it('made by the thousand on the composer thread: the same draft as one made here, in order, attachments whole', async () => {
    const attachment = new Uint8Array([1, 2, 3, 250]);
    const draftOf = (i: number): EmailDraft => ({
      to: [{ name: `Zoë Ångström ${i}`, address: `z${i}@example.int` }],
      subject: `Votre candidature n° ${i}`,
      text: `Bonjour ${i},\n\nMerci.`,
      language: i % 2 === 0 ? 'fr' : 'en',
      attachments: i === 7 ? [{ fileName: 'a.bin', mediaType: 'application/octet-stream', bytes: attachment }] : [],
      date: new Date('2027-01-15T09:00:00Z'),
    });
    // More than the chunks the thread holds at once (64 × 3), so chunks come back while others are made.
    const files = [];
    for await (const file of composeDrafts(Array.from({ length: 300 }, (_, i) => ({ draft: draftOf(i), fileName: `draft ${i}` })))) files.push(file);
    expect(files.map((f) => f.fileName)).toEqual(Array.from({ length: 300 }, (_, i) => `draft ${i}.eml`));
    const headers = async (bytes: Uint8Array) => {
      const mail = await PostalMime.parse(bytes);
      return { to: mail.to, subject: mail.subject, text: mail.text, language: mail.headers.find((h) => h.key === 'content-language')?.value, unsent: mail.headers.find((h) => h.key === 'x-unsent')?.value, attachments: mail.attachments.map((a) => new Uint8Array(a.content as ArrayBuffer)) };
    };
    for (const i of [0, 7, 150, 299]) {
      const here = await emailDraft(draftOf(i), `draft ${i}`);
      expect(await headers((files[i] as { bytes: Uint8Array }).bytes)).toEqual(await headers(here.bytes));
    }
    expect((await headers((files[7] as { bytes: Uint8Array }).bytes)).attachments).toEqual([attachment]);
  });
});
