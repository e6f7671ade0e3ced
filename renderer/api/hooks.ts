import { useMutation, useQuery as useCachedQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent } from 'react';
import type { ApiEvent, MethodInput, MethodName, MethodOutput, QueryMethodName } from '../../shared/api/contract';
import { toErrorData, type ApiResult, type AppErrorData } from '../../shared/api/errors';
import { useClient, useEpoch } from './ClientContext';
import { ApiCallFailed, apiQueryKey, callOrThrow } from './queryCache';

/** Calls `listener` for every API event while the component is mounted (progress, menu commands; changes reach queries by themselves). */
export function useEvent(listener: (event: ApiEvent) => void): void {
  const client = useClient();
  const onEvent = useEffectEvent(listener);
  useEffect(() => client.subscribe((event) => onEvent(event)), [client]);
}

export interface QueryState<T> {
  /** The latest answer for this exact request; kept while it loads again after a change. */
  data: T | undefined;
  error: AppErrorData | undefined;
  /** True until the first answer for this request (in this database) arrives. */
  loading: boolean;
  refetch: () => void;
}

/**
 * The answer of `method(input)`, from the window's one cache: asked once however many components
 * show it, and asked again when a change touches what the method reads (its contract's `reads`),
 * or on `refetch()`. Pass `input: null` to wait (e.g. until a campaign is chosen).
 */
export function useQuery<M extends QueryMethodName>(method: M, input: MethodInput<M> | null): QueryState<MethodOutput<M>> {
  const client = useClient();
  const epoch = useEpoch();
  const query = useCachedQuery({
    queryKey: apiQueryKey(epoch, method, input as MethodInput<M>),
    queryFn: () => callOrThrow(client, method, input as MethodInput<M>),
    enabled: input !== null,
  });
  const { refetch: refetchQuery } = query;
  const refetch = useCallback(() => void refetchQuery(), [refetchQuery]);
  return {
    data: query.data as MethodOutput<M> | undefined,
    error: query.error instanceof ApiCallFailed ? query.error.data : undefined,
    loading: input !== null && query.isPending,
    refetch,
  };
}

/** Asks ahead for answers the window is about to show (the next applications), unless they are cached and fresh. */
export function usePrefetch(): <M extends QueryMethodName>(method: M, input: MethodInput<M>) => void {
  const client = useClient();
  const epoch = useEpoch();
  const cache = useQueryClient();
  return useCallback(
    (method, input) => void cache.prefetchQuery({ queryKey: apiQueryKey(epoch, method, input), queryFn: () => callOrThrow(client, method, input) }),
    [cache, client, epoch],
  );
}

export interface MutationState<M extends MethodName> {
  /** Calls the method; its answer, or why it was refused (also held in `error` until the next call). */
  run(input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  /** True while a call runs: a dialog's button waits. */
  pending: boolean;
  error: AppErrorData | undefined;
  reset(): void;
}

/**
 * A change asked of the services, with the pending and error state every dialog shows. What it
 * changed reaches the cached queries through the services' change events, not from here.
 */
export function useApiMutation<M extends MethodName>(method: M): MutationState<M> {
  const client = useClient();
  const mutation = useMutation<MethodOutput<M>, ApiCallFailed, MethodInput<M>>({ mutationFn: (input) => callOrThrow(client, method, input) });
  const { mutateAsync, reset } = mutation;
  const run = useCallback(
    (input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> =>
      mutateAsync(input).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: error instanceof ApiCallFailed ? error.data : toErrorData(error) }),
      ),
    [mutateAsync],
  );
  return { run, pending: mutation.isPending, error: mutation.error?.data, reset };
}
