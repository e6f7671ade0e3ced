import { QueryClient } from '@tanstack/react-query';
import type { Client } from '../../shared/api/client';
import { affects } from '../../shared/api/affects';
import { isMethodName, readsOf, type ChangedEvent, type MethodInput, type MethodName, type MethodOutput, type QueryMethodName } from '../../shared/api/contract';
import { toErrorData, type AppErrorData } from '../../shared/api/errors';

/** A call the services refused or could not answer, as the query cache and mutations hold it. */
export class ApiCallFailed extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.message);
    this.name = 'ApiCallFailed';
  }
}

/**
 * A cached answer's key: the method and its input, under the database it was read from (the
 * epoch: after another database is opened or a backup restored, nothing from before is shown).
 */
export type ApiQueryKey = readonly ['api', number, QueryMethodName, unknown];

export function apiQueryKey<M extends QueryMethodName>(epoch: number, method: M, input: MethodInput<M>): ApiQueryKey {
  return ['api', epoch, method, input];
}

function isApiQueryKey(key: readonly unknown[]): key is ApiQueryKey {
  return key[0] === 'api' && typeof key[1] === 'number' && isMethodName(key[2]) && readsOf(key[2]).length > 0;
}

/** Calls a method; its refusal is thrown (as ApiCallFailed), for the cache and mutations. */
export async function callOrThrow<M extends MethodName>(client: Client, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await client.tryCall(method, input).catch((error: unknown) => ({ ok: false as const, error: toErrorData(error) }));
  if (!result.ok) throw new ApiCallFailed(result.error);
  return result.value;
}

/**
 * The renderer's one cache of answers. An answer stays fresh until a change says otherwise (the
 * services announce every change), so nothing is asked again on focus or on a timer; a refused
 * call is not retried (it would be refused again); and it works offline, as the app does.
 */
export function createQueryCache(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 2 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** Marks out of date every cached answer a burst of changes may alter; those on screen load again (keeping what they show meanwhile). */
export function invalidateChanged(cache: QueryClient, changes: readonly ChangedEvent[]): Promise<void> {
  return cache.invalidateQueries({
    predicate: ({ queryKey }) => isApiQueryKey(queryKey) && changes.some((change) => affects(change, queryKey[2], queryKey[3])),
  });
}
