import type { TriageStore } from './store';

/**
 * Keeps the full-text index up to date, in chunks, each its own transaction in the store, yielding
 * between them, so other requests are answered meanwhile and an import never pays for the index.
 */
export async function updateSearchIndex(store: TriageStore): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await store.indexSearchChunk();
    total += n;
    if (n === 0) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
