import { isMethodName, methods, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/api/contract';
import { toErrorData, ValidationError, type ApiResult, type ErrorIssue } from '../../shared/api/errors';
import { officerNameOf } from './app/officer';
import { refuseWritesToACopy } from './campaigns/read-only-copy';
import { changedEvent } from './changes';
import type { Caller, RequestContext, ServiceContext } from './context';

/** A service function for one method: validated input in, output out; throws AppError types. */
export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: RequestContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One domain's table of handlers (Actual Budget style); `Handlers` joins them all. */
export type HandlerTable<M extends MethodName> = { [K in M]: Handler<K> };
export type Handlers = HandlerTable<MethodName>;

/**
 * What a method waits for before it runs, declared beside its handler: all the work left by
 * earlier requests ('background': re-screening, search indexing), or a wait of its own given its
 * input (one campaign's screening). A method that declares nothing runs at once.
 */
export type Wait<M extends MethodName> = 'background' | ((input: ParsedInput<M>, ctx: RequestContext) => Promise<void>);
export type WaitTable<M extends MethodName> = { [K in M]?: Wait<K> };
export type Waits = WaitTable<MethodName>;

/** `caller`: who asks, as the transport knows it; the process's OS user when it does not say. */
export type Dispatch = (method: unknown, input: unknown, caller?: Caller) => Promise<ApiResult>;

/** A request slower than this is logged (its method and time, never its input: that holds personal data). */
export const SLOW_REQUEST_MS = 200;

/** The context of one request: who asks, and what it may announce. The officer's name is read once, when first needed. */
export function requestContext(ctx: ServiceContext, method: MethodName, caller: Caller): RequestContext {
  let officer: string | undefined;
  return {
    ...ctx,
    method,
    caller,
    get officer() {
      // On the office server the officer is their login, not a name they typed.
      officer ??= ctx.session.open.login ?? officerNameOf(ctx.session.open.sqlite, caller.userName);
      return officer;
    },
    changed(topics, about) {
      const event = changedEvent(topics, about);
      ctx.emit(event);
      ctx.session.open.announce(event);
    },
  };
}

/**
 * The single entry point every transport reaches. It refuses unknown methods, validates input
 * against the contract's schema before a service runs (so a malformed request writes nothing),
 * and turns every error into plain tagged data.
 */
export function createDispatcher(handlers: Handlers, ctx: ServiceContext, options: { waits?: Waits; now?: () => number } = {}): Dispatch {
  const { waits = {}, now = () => performance.now() } = options;
  return async (method, input, caller = { userName: ctx.userName }) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: new ValidationError(`Unknown request "${String(method)}".`, [], 'UnknownMethod').toData(),
      };
    }
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues: ErrorIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: issue.message,
      }));
      const where = issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
      return { ok: false, error: new ValidationError(`Cohort could not do this, because what it was given is not valid (${where}). Nothing was changed.`, issues).toData() };
    }
    const started = now();
    try {
      const request = requestContext(ctx, method, caller);
      refuseWritesToACopy(method, ctx);
      const input = parsed.data as ParsedInput<typeof method>;
      const wait = waits[method] as Wait<typeof method> | undefined;
      if (wait === 'background') await ctx.background.settled();
      else if (wait) await wait(input, request);
      const handler = handlers[method] as Handler<typeof method>;
      const value = await handler(input, request);
      return { ok: true, value };
    } catch (error) {
      const data = toErrorData(error);
      // A refused file, a busy database, a missing campaign: the user is told, and the log stays
      // quiet. Only a fault of Cohort's own is logged, with its stack, never the request's input
      // (it holds applicants' personal data).
      if (data.code === 'Internal') ctx.log?.(`request ${method} failed`, error);
      return { ok: false, error: data };
    } finally {
      const took = now() - started;
      if (took > SLOW_REQUEST_MS) ctx.log?.(`request ${method} took ${Math.round(took)} ms`);
    }
  };
}
