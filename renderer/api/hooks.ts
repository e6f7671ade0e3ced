import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ApiEvent, ChangedEvent, MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { toErrorData, type AppErrorData } from '../../shared/api/errors';
import { useClient, useEpoch } from './ClientContext';

/** Calls `listener` for every API event while the component is mounted. */
export function useEvent(listener: (event: ApiEvent) => void): void {
  const client = useClient();
  const onEvent = useEffectEvent(listener);
  useEffect(() => client.subscribe((event) => onEvent(event)), [client]);
}

export interface QueryState<T> {
  /** The latest value for this exact request; kept while a refresh after a change is loading. */
  data: T | undefined;
  error: AppErrorData | undefined;
  /** True until the first answer for this request (in this database state) arrives. */
  loading: boolean;
  refetch: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: AppErrorData | undefined;
}

/** Waits this long after a `changed` event before reloading, so a burst of changes costs one load. */
const CHANGE_DEBOUNCE_MS = 150;

/**
 * Loads `method(input)` and loads it again when the data may have changed: on a `changed` event
 * that `isRelevant` accepts (any, by default), on `refetch()`, and (from scratch) when another
 * database is opened or a backup restored.
 * Pass `input: null` to wait (e.g. until a campaign is chosen).
 */
export function useQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  isRelevant: (event: ChangedEvent) => boolean = () => true,
): QueryState<MethodOutput<M>> {
  const client = useClient();
  const epoch = useEpoch();
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<MethodOutput<M>> | null>(null);

  const inputJson = input === null ? null : JSON.stringify(input);
  // The epoch is part of the key: after another database is opened or a backup restored, nothing
  // from before may be shown (or seed a form) while the new answer loads.
  const key = inputJson === null ? null : `${method} ${inputJson} @${epoch}`;

  useEffect(() => {
    if (inputJson === null || key === null) return;
    let cancelled = false;
    const parsed = JSON.parse(inputJson) as MethodInput<M>;
    client
      .tryCall(method, parsed)
      .catch((error: unknown) => ({ ok: false as const, error: toErrorData(error) }))
      .then((result) => {
        if (cancelled) return;
        setSettled(
          result.ok ? { key, data: result.value, error: undefined } : { key, data: undefined, error: result.error },
        );
      });
    return () => {
      cancelled = true;
    };
  }, [client, method, inputJson, key, version]);

  const relevant = useEffectEvent((event: ChangedEvent) => isRelevant(event));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = client.subscribe((event) => {
      if (event.type !== 'changed' || !relevant(event)) return;
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), CHANGE_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [client]);

  const refetch = useCallback(() => setVersion((v) => v + 1), []);
  const current = settled !== null && settled.key === key ? settled : null;
  return {
    data: current?.data,
    error: current?.error,
    loading: key !== null && current === null,
    refetch,
  };
}
