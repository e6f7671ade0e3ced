import type { Handlers } from './dispatch';
import { appHandlers } from './services/app';
import { applicationHandlers } from './services/applications';
import { campaignHandlers } from './services/campaigns';
import { databaseHandlers } from './services/database';
import { demoHandlers } from './services/demo';
import { importHandlers } from './services/imports';
import { overviewHandlers } from './services/overview';
import { officerHandlers } from './services/officer';
import { screeningHandlers } from './services/screening';
import { triageHandlers } from './services/triage';

/** Every domain's handler table, joined. TypeScript refuses this if a contract method has no handler. */
export const handlers: Handlers = {
  ...appHandlers,
  ...campaignHandlers,
  ...overviewHandlers,
  ...demoHandlers,
  ...databaseHandlers,
  ...importHandlers,
  ...screeningHandlers,
  ...applicationHandlers,
  ...triageHandlers,
  ...officerHandlers,
};
