import type { Transport } from '../../shared/api/client';
import type { ApiEvent } from '../../shared/api/contract';
import { isAppErrorData, type ApiResult } from '../../shared/api/errors';

const TOKEN_KEY = 'cohort.token';

/**
 * The web host launches the app as `http://127.0.0.1:PORT/#token=…`. Take the token out of the
 * address at once (so it is not bookmarked, shared or shown), keep it for this tab only, and put
 * the address back without it.
 */
export function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    window.sessionStorage.setItem(TOKEN_KEY, token);
    const rest = window.location.hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
    const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '');
    window.history.replaceState(window.history.state, '', url);
    return token;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

function isApiResult(value: unknown): value is ApiResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.ok === true ? 'value' in v : v.ok === false && isAppErrorData(v.error);
}

function isApiEvent(value: unknown): value is ApiEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The transport in a browser: POST /api/invoke with the launch token, events over SSE. */
export function createWebTransport(token: string | null): Transport {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;

  function openEvents(): void {
    if (source || token === null) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: unknown;
      try {
        event = JSON.parse(message.data);
      } catch {
        return; // a keep-alive or a torn message: nothing to deliver
      }
      if (isApiEvent(event)) for (const listener of [...listeners]) listener(event);
    };
    // EventSource reconnects by itself after an error; nothing to do here.
  }

  return {
    async invoke(method, input): Promise<ApiResult> {
      if (token === null) {
        return {
          ok: false,
          error: {
            code: 'Validation',
            kind: 'MissingToken',
            message: 'This page was opened without its access token. Open the address that "npm run web" printed.',
          },
        };
      }
      let response: Response;
      try {
        response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ method, input }),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'Internal', kind: 'HostUnreachable', message: 'Cohort is not reachable. Is the web host still running?' },
        };
      }
      const body: unknown = await response.json().catch(() => null);
      if (isApiResult(body)) return body;
      return {
        ok: false,
        error: {
          code: response.status === 401 || response.status === 403 ? 'Validation' : 'Internal',
          kind: response.status === 401 || response.status === 403 ? 'MissingToken' : undefined,
          message: `The web host answered ${response.status} ${response.statusText}.`,
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
