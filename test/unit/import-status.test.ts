import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportJobState } from '../../shared/api/contract';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('where an import job stands, for a window that lost it', () => {
  it('follows a job from inspection to commit, with its last progress and the record once committed', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    const { client } = app;
    try {
      await client.call('campaign.create', { name: 'Season' });
      const path = join(dir, 'export.csv');
      await writeDemoExport(path, { count: 3_000, seed: 4 });
      const inspection = await client.call('import.inspect', { campaignId: 1, path });
      const state = async () => (await client.call('import.status', { jobId: inspection.jobId })).state;
      expect(await client.call('import.status', { jobId: inspection.jobId })).toEqual({
        jobId: inspection.jobId,
        campaignId: 1,
        fileName: 'export.csv',
        state: 'inspected',
        progress: null,
        record: null,
        error: null,
      });

      // While the file is read, another window (or this one, reloaded) sees it being read.
      const seen: ImportJobState[] = [];
      const unsubscribe = app.core.subscribe((event) => {
        if (event.type === 'progress' && event.jobId === inspection.jobId) void state().then((s) => seen.push(s));
      });
      await client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
      unsubscribe();
      expect(seen).toContain('reading');
      const previewed = await client.call('import.status', { jobId: inspection.jobId });
      expect(previewed.state).toBe('previewed');
      expect(previewed.progress).toMatchObject({ phase: 'reading' });

      const result = await client.call('import.commit', { jobId: inspection.jobId });
      const committed = await client.call('import.status', { jobId: inspection.jobId });
      expect(committed).toMatchObject({ state: 'committed', progress: { phase: 'writing', rows: result.counts.added }, error: null });
      const { rejectedRows: _rows, ...record } = result;
      expect(committed.record).toEqual(record);
    } finally {
      await app.core.close();
    }
  });

  it('keeps why a preview failed, and knows a cancelled job; an unknown one is not found', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    const { client } = app;
    try {
      await client.call('campaign.create', { name: 'Season' });
      const path = join(dir, 'export.csv');
      await writeDemoExport(path, { count: 20, seed: 4 });
      const inspection = await client.call('import.inspect', { campaignId: 1, path });
      // No column is the Application ID: the preview is refused.
      const failed = await client.tryCall('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping.map(() => ({ kind: 'ignore' as const })) });
      expect(failed.ok).toBe(false);
      const status = await client.call('import.status', { jobId: inspection.jobId });
      expect(status.state).toBe('inspected');
      expect(status.error).toEqual(failed.ok ? null : failed.error);

      await client.call('import.cancel', { jobId: inspection.jobId });
      expect((await client.call('import.status', { jobId: inspection.jobId })).state).toBe('cancelled');
      expect(await client.tryCall('import.status', { jobId: 'no-such-job' })).toMatchObject({ ok: false, error: { code: 'NotFound', kind: 'NoSuchImport' } });
    } finally {
      await app.core.close();
    }
  });
});
