import type { Handlers } from './dispatch';
import { appHandlers } from './services/app';
import { campaignHandlers } from './services/campaigns';
import { databaseHandlers } from './services/database';
import { demoHandlers } from './services/demo';
import { importHandlers } from './services/imports';
import { overviewHandlers } from './services/overview';
import { screeningHandlers } from './services/screening';

/** Every domain's handler table, joined. TypeScript refuses this if a contract method has no handler. */
export const handlers: Handlers = {
  ...appHandlers,
  ...campaignHandlers,
  ...overviewHandlers,
  ...demoHandlers,
  ...databaseHandlers,
  ...importHandlers,
  ...screeningHandlers,
};
