import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { safeFileName, writeOutputs } from '../../electron/core/files/output';
import { FileNotSavedError } from '../../shared/api/errors';
import { openTestApp, useTempDir } from './support/temp';
import { downloadedText } from './support/file-output';

const tempDir = useTempDir();

describe('files going out, one way for every export', () => {
  it('writes the rejected rows where the user chose (whole, readable by the user alone), or hands them back to download', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    try {
      const path = join(dir, 'may.csv');
      writeFileSync(path, ['Application ID,First Name,Last Name', ',Ana,Silva', 'A-2,=cmd,Berg'].join('\r\n'));
      const inspection = await app.client.call('import.inspect', { campaignId: 1, path });
      await app.client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
      const result = await app.client.call('import.commit', { jobId: inspection.jobId });
      expect(result.counts.rejected).toBeGreaterThan(0);

      const target = join(dir, 'chosen', 'rejected.csv');
      mkdirSync(join(dir, 'chosen'));
      const saved = await app.client.call('import.rejectionsCsv', { importId: result.id, target: { kind: 'path', path: target } });
      expect(saved).toEqual({ kind: 'saved', path: target, fileName: 'rejected.csv', bytes: statSync(target).size });
      const written = readFileSync(target, 'utf8');
      expect(written.startsWith('\uFEFF"Row","Column","Problem","Application ID","First Name","Last Name"')).toBe(true);
      if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);

      const download = downloadedText(await app.client.call('import.rejectionsCsv', { importId: result.id, target: { kind: 'download' } }));
      expect(download).toEqual({ fileName: 'may - rejected rows.csv', text: written });

      // A folder that is not there: a clear error, and nothing half-written left behind.
      const missing = await app.client.tryCall('import.rejectionsCsv', { importId: result.id, target: { kind: 'path', path: join(dir, 'nowhere', 'x.csv') } });
      expect(missing).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'FileNotSaved', details: { reason: 'noFolder' } } });
      expect(readdirSync(join(dir, 'chosen'))).toEqual(['rejected.csv']);
    } finally {
      await app.core.close();
    }
  });
});

describe('a batch of files going out', () => {
  it('writes each file whole into the chosen folder, never over a file already there; a browser gets one .zip', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'Ana Silva.eml'), 'kept');
    const file = (fileName: string, text: string) => ({ fileName, mediaType: 'message/rfc822', bytes: new TextEncoder().encode(text) });
    const batch = [file('Ana Silva.eml', 'first'), file('Ana Silva.eml', 'second'), file('../Jan Novák.eml', 'third')];
    const saved = await writeOutputs({ kind: 'folder', path: folder }, batch, 'drafts');
    expect(saved).toEqual({ kind: 'savedFolder', path: folder, files: ['Ana Silva (2).eml', 'Ana Silva (3).eml', 'Jan Novák.eml'], bytes: 16 });
    expect(readdirSync(folder).sort()).toEqual(['Ana Silva (2).eml', 'Ana Silva (3).eml', 'Ana Silva.eml', 'Jan Novák.eml']);
    expect(readFileSync(join(folder, 'Ana Silva.eml'), 'utf8')).toBe('kept');
    if (process.platform !== 'win32') expect(statSync(join(folder, 'Jan Novák.eml')).mode & 0o777).toBe(0o600);

    const download = await writeOutputs({ kind: 'download' }, batch, 'drafts');
    if (download.kind !== 'download') throw new Error('expected a download');
    expect(download).toMatchObject({ fileName: 'drafts.zip', mediaType: 'application/zip' });
    const unzipped = unzipSync(Buffer.from(download.base64, 'base64'));
    expect(Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]))).toEqual({
      'Ana Silva.eml': 'first',
      'Ana Silva (2).eml': 'second',
      'Jan Novák.eml': 'third',
    });
    await expect(writeOutputs({ kind: 'folder', path: join(folder, 'gone') }, batch, 'drafts')).rejects.toThrow(FileNotSavedError);
  });
});

describe('a batch that fails on the way', () => {
  it('stops, removes what it wrote, and leaves no error unhandled; names from people’s names are made safe', async () => {
    const unhandled: unknown[] = [];
    const listener = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', listener);
    const folder = tempDir();
    let made = 0;
    async function* files() {
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setTimeout(r, 20));
        // The folder goes away after two files: the third write fails while the fourth is made.
        if (++made === 3) rmSync(folder, { recursive: true, force: true });
        yield { fileName: `f${i}.eml`, mediaType: 'message/rfc822', bytes: new Uint8Array([1]) };
      }
    }
    await expect(writeOutputs({ kind: 'folder', path: folder }, files(), 'b')).rejects.toThrow(FileNotSavedError);
    await new Promise((r) => setTimeout(r, 50));
    process.off('unhandledRejection', listener);
    expect(unhandled).toEqual([]);

    // A file that cannot be written (its temporary name is taken by a folder) while others are on their
    // way: the batch fails and what it had written is gone, what was there before stays.
    const kept = tempDir();
    writeFileSync(join(kept, 'before.eml'), 'x');
    mkdirSync(join(kept, `.f7.eml.${process.pid}.partial`));
    const many = Array.from({ length: 40 }, (_, i) => ({ fileName: `f${i}.eml`, mediaType: 'message/rfc822', bytes: new Uint8Array([i]) }));
    await expect(writeOutputs({ kind: 'folder', path: kept }, many, 'b')).rejects.toThrow(FileNotSavedError);
    expect(readdirSync(kept).filter((n) => !n.startsWith('.')).sort()).toEqual(['before.eml']);

    expect(safeFileName('Nowak Anna "Ania" - ineligible.eml')).toBe('Nowak Anna Ania - ineligible.eml');
    expect(safeFileName('a:b?c|d<e>f*g.eml')).toBe('a b c d e f g.eml');
    expect(safeFileName('Dots... .eml')).toBe('Dots.eml');
    expect(safeFileName(`${'x'.repeat(300)}.eml`)).toHaveLength(120);
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('???.eml', 'NIP-1')).toBe('NIP-1.eml');
  });
});
