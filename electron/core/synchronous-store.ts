/**
 * Stores are interfaces of Promise-returning methods: PostgreSQL (team mode) answers only
 * asynchronously. better-sqlite3 answers at once, so the SQLite implementations are written
 * synchronously (a transaction is then one uninterrupted call: nothing else runs between its read
 * and its write, and tests and the bench can time a query alone) and answer through this wrapper.
 */

/** A store interface with each method answering at once: what a better-sqlite3 implementation is. */
export type Synchronous<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K] };

/** A synchronous implementation as the store interface: each method's answer (or error) as a Promise. */
export function answeringAsync<T extends object>(store: Synchronous<T>): T {
  const methods = Object.entries(store as Record<string, (...args: unknown[]) => unknown>).map(([name, method]) => [name, async (...args: unknown[]) => method(...args)]);
  return Object.fromEntries(methods) as T;
}
