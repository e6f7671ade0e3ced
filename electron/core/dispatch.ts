import { isMethodName, methods, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/api/contract';
import { toErrorData, ValidationError, type ApiResult, type ErrorIssue } from '../../shared/api/errors';
import type { ServiceContext } from './context';

/** A service function for one method: validated input in, output out; throws AppError types. */
export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: ServiceContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One domain's table of handlers (Actual Budget style); `Handlers` joins them all. */
export type HandlerTable<M extends MethodName> = { [K in M]: Handler<K> };
export type Handlers = HandlerTable<MethodName>;

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult>;

/**
 * The single entry point every transport reaches. It refuses unknown methods, validates input
 * against the contract's schema before a service runs (so a malformed request writes nothing),
 * and turns every error into plain tagged data.
 */
export function createDispatcher(handlers: Handlers, ctx: ServiceContext): Dispatch {
  return async (method, input) => {
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
    try {
      const handler = handlers[method] as Handler<typeof method>;
      const value = await handler(parsed.data as ParsedInput<typeof method>, ctx);
      return { ok: true, value };
    } catch (error) {
      const data = toErrorData(error);
      // A refused file, a busy database, a missing campaign: the user is told, and the log stays
      // quiet. Only a fault of Cohort's own is logged, with its stack, never the request's input
      // (it holds applicants' personal data).
      if (data.code === 'Internal') ctx.log?.(`request ${method} failed`, error);
      return { ok: false, error: data };
    }
  };
}
