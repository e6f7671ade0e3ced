import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../shared/domain/application-fields';
import { record } from './support/screening-input';
import { openTestApp, useTempDir, type TestApp } from './support/temp';

/**
 * Issue 4: "an override is never lost by re-screening unchanged data". Whatever the campaign, the
 * overrides, and the re-screens in between (settings changed, new applications, other
 * applications' data changed), an override whose own application did not change stays active and
 * its verdict is the one that counts. Real services on a real database: one campaign per run.
 */

const tempDir = useTempDir();
let app: TestApp;
beforeAll(async () => {
  app = await openTestApp(tempDir());
});
afterAll(async () => {
  await app.core.close();
});

const applicationFields = fc.record({
  candidateId: fc.constantFrom('C-1', 'C-2', 'C-3', ''),
  email: fc.constantFrom('a@example.org', 'b@example.org', ''),
  dateOfBirth: fc.constantFrom('2001-08-12', '31/02/2001', '2004-02-29', ''),
  nationality: fc.constantFrom('Belgium', 'Switzerland', 'Atlantis', 'India'),
  englishLevel: fc.constantFrom('C1', 'B2', 'Fluent'),
  submittedOn: fc.constantFrom('2025-03-01T10:00:00Z', '2025-04-02T10:00:00Z', '2025-05-20T23:00:00+02:00'),
});

const step = fc.oneof(
  fc.record({ kind: fc.constant('settings' as const), applicationLimit: fc.integer({ min: 1, max: 6 }), minimumAge: fc.constantFrom(18, 21, 24) }),
  fc.record({ kind: fc.constant('add' as const), fields: applicationFields }),
  fc.record({ kind: fc.constant('changeOther' as const), pick: fc.nat(), nationality: fc.constantFrom('France', 'Atlantis', 'Norway') }),
  fc.constant({ kind: 'run' as const }),
);

describe('overrides, whatever happens around them', () => {
  it('are never lost by re-screening the data they were made on', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(applicationFields, { minLength: 2, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('eligible' as const, 'ineligible' as const, 'review' as const)), { minLength: 1, maxLength: 4 }),
        fc.array(step, { minLength: 1, maxLength: 5 }),
        async (applications, overrides, steps) => {
          const { client } = app;
          const { applications: store } = app.core.session.open.stores;
          const campaign = await client.call('campaign.create', { name: `Property run ${++runs}` });
          const campaignId = campaign.id;
          let next = 0;
          const newRecord = (f: Partial<ApplicationRecord>) => record({ ...f, applicationId: `P${runs}-${next++}` });
          await store.insertNew(campaignId, applications.map(newRecord), { source: 'import' });
          await client.call('screening.run', { campaignId });
          const page = await client.call('screening.list', { campaignId, tab: 'all', limit: 500 });

          const overridden = new Map<number, string>();
          for (const [pick, verdict] of overrides) {
            const row = page.rows[pick % page.rows.length]!;
            await client.call('screening.override', { refs: [row.ref], verdict, justification: 'Decided by the property test' });
            overridden.set(row.ref, verdict);
          }
          for (const s of steps) {
            if (s.kind === 'settings') await client.call('campaign.update', { campaignId, settings: { applicationLimit: s.applicationLimit, minimumAge: s.minimumAge } });
            else if (s.kind === 'add') await store.insertNew(campaignId, [newRecord(s.fields)], { source: 'import' });
            else if (s.kind === 'changeOther') {
              // Only an application nobody overrode: the others' data stays as it was judged.
              const others = page.rows.filter((r) => !overridden.has(r.ref));
              const other = others[s.pick % Math.max(1, others.length)];
              if (other) await app.run('UPDATE applications SET nationality = ? WHERE id = ?', [s.nationality, other.ref]);
            }
            await client.call('screening.run', { campaignId });
          }
          for (const [ref, verdict] of overridden) {
            const detail = await client.call('screening.detail', { ref });
            expect(detail.row.override?.state).toBe('active');
            expect(detail.row.verdict).toBe(verdict);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
