import { describe, expect, it } from 'vitest';
import { DOMAINS, methods } from '../../shared/api/contract';

describe('the contract, joined from one module per domain', () => {
  it('no two domains define the same method name', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [domain, table] of Object.entries(DOMAINS)) {
      for (const name of Object.keys(table)) {
        const other = seen.get(name);
        if (other) clashes.push(`${name}: ${other} and ${domain}`);
        seen.set(name, domain);
      }
    }
    expect(clashes).toEqual([]);
    // The join holds every domain's methods and nothing else (a spread overwrites silently).
    expect(Object.keys(methods).sort()).toEqual([...seen.keys()].sort());
  });

  it('finds a clash when one is made', () => {
    const withClash = { ...DOMAINS, copy: { 'triage.list': DOMAINS.triage['triage.list'] } };
    const names = Object.values(withClash).flatMap((table) => Object.keys(table));
    expect(names.length).toBeGreaterThan(new Set(names).size);
  });
});
