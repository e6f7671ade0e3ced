import type { Client } from '../../shared/api/client';
import { ApiCallError, type ApiResult } from '../../shared/api/errors';

/**
 * Whether the office server answered the window's last request (team mode): a request refused as
 * ServerUnreachable says it is lost, any other answer that it is there; `database.status` says so
 * in its value (it answers, from the workstation, even while the server is gone). The lost-server
 * banner shows this. On a file no request is ever refused that way, so it stays "reached".
 */
export class ServerReach {
  private lost = false;
  /** Calls started so far, and how many had started when the state last changed. */
  private calls = 0;
  private changedAfter = 0;
  private readonly listeners = new Set<() => void>();

  isLost = (): boolean => this.lost;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A call starts: its number, to hand back with its answer. */
  started(): number {
    return ++this.calls;
  }

  /**
   * What the answer of call number `call` says about the server. An answer tells of the server as
   * it was when its call was made: one made before the state last changed says nothing new (a page
   * answered just before the server stopped must not hide the banner the server's loss raised).
   */
  heard(call: number, method: string, result: ApiResult): void {
    if (call <= this.changedAfter) return;
    if (!result.ok) {
      if (result.error.kind === 'ServerUnreachable' || result.error.kind === 'ServerLostAtSave') this.set(true);
      return;
    }
    if (method === 'database.status') this.set(!(result.value as { connected: boolean }).connected);
    else this.set(false);
  }

  private set(lost: boolean): void {
    if (lost === this.lost) return;
    this.lost = lost;
    this.changedAfter = this.calls;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The client, telling `reach` what each answer says about the server: every call of the window goes through it. */
export function reportingReach(client: Client, reach: ServerReach): Client {
  return {
    async tryCall(method, input) {
      const call = reach.started();
      const result = await client.tryCall(method, input);
      reach.heard(call, method, result);
      return result;
    },
    async call(method, input) {
      const call = reach.started();
      try {
        const value = await client.call(method, input);
        reach.heard(call, method, { ok: true, value });
        return value;
      } catch (error) {
        if (error instanceof ApiCallError) reach.heard(call, method, { ok: false, error: error.data });
        throw error;
      }
    },
    subscribe: (listener) => client.subscribe(listener),
  };
}
