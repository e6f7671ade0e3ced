import { describe, expect, it } from 'vitest';
import { ServerReach } from '../../renderer/api/serverReach';
import { ServerUnreachableError } from '../../shared/api/errors';

/** The lost-server banner's state (team mode): what the window's answers say about the office server. */

const unreachable = { ok: false as const, error: new ServerUnreachableError().toData() };

describe('whether the office server answered the window', () => {
  it('is lost on a ServerUnreachable answer or a status saying so, and back on a later answer', () => {
    const reach = new ServerReach();
    const seen: boolean[] = [];
    reach.subscribe(() => seen.push(reach.isLost()));
    reach.heard(reach.started(), 'triage.decide', unreachable);
    expect(reach.isLost()).toBe(true);
    reach.heard(reach.started(), 'database.status', { ok: true, value: { connected: false } });
    expect(reach.isLost()).toBe(true);
    reach.heard(reach.started(), 'database.status', { ok: true, value: { connected: true } });
    expect(reach.isLost()).toBe(false);
    reach.heard(reach.started(), 'database.status', { ok: true, value: { connected: false } });
    reach.heard(reach.started(), 'triage.list', { ok: true, value: {} });
    expect(seen).toEqual([true, false, true, false]);
    // Another refusal says nothing of the server.
    reach.heard(reach.started(), 'triage.decide', { ok: false, error: { code: 'Conflict', message: 'changed', kind: 'ChangedMeanwhile' } });
    expect(reach.isLost()).toBe(false);
  });

  it('an answer to a call made before the server was lost does not hide the banner', () => {
    const reach = new ServerReach();
    const early = reach.started();
    reach.heard(reach.started(), 'database.status', { ok: true, value: { connected: false } });
    reach.heard(early, 'triage.list', { ok: true, value: {} });
    expect(reach.isLost()).toBe(true);
  });
});
