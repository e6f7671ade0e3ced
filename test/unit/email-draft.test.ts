import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { emailDraft } from '../../electron/core/files/email-draft';

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
});
