import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../shared/api/text-limits';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('the limits dialogs check are the ones the worker enforces', () => {
  it('reads them from the contract: a text one short of the minimum is refused, the minimum accepted; one over the maximum refused', async () => {
    expect(TEXT_LIMITS.overrideJustification).toEqual({ min: 10, max: 2000 });
    expect(TEXT_LIMITS.correctionReason.min).toBeGreaterThan(0);
    const app = await openTestApp(tempDir());
    try {
      await app.client.call('demo.load', { count: 20, seed: 1 });
      const ref = (await app.client.call('screening.list', { campaignId: 1, tab: 'all', limit: 1 })).rows[0]!.ref;
      const override = (justification: string) => app.client.tryCall('screening.override', { refs: [ref], verdict: 'eligible', justification });
      const { min, max } = TEXT_LIMITS.overrideJustification;
      expect(await override('j'.repeat(min - 1))).toMatchObject({ ok: false, error: { code: 'Validation' } });
      expect(await override('j'.repeat(min))).toMatchObject({ ok: true });
      expect(await override('j'.repeat(max + 1))).toMatchObject({ ok: false, error: { code: 'Validation' } });
      const note = (text: string) => app.client.tryCall('triage.note', { ref, text });
      expect(await note('n'.repeat(TEXT_LIMITS.note.max))).toMatchObject({ ok: true });
      expect(await note('n'.repeat(TEXT_LIMITS.note.max + 1))).toMatchObject({ ok: false, error: { code: 'Validation' } });
    } finally {
      await app.core.close();
    }
  });
});
