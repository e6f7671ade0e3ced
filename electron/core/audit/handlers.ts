import type { HandlerTable } from '../dispatch';

export const auditHandlers: HandlerTable<'audit.list'> = {
  async 'audit.list'(filter, ctx) {
    return ctx.session.open.stores.audit.list(filter);
  },
};
