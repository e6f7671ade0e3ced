import type { Handlers } from './dispatch';
import { appHandlers } from './app/handlers';
import { applicationHandlers } from './applications/handlers';
import { campaignHandlers } from './campaigns/handlers';
import { databaseHandlers } from './database/handlers';
import { demoHandlers } from './demo/handlers';
import { importHandlers } from './import/handlers';
import { overviewHandlers } from './overview/handlers';
import { officerHandlers } from './app/officer';
import { screeningHandlers } from './screening/handlers';
import { triageHandlers } from './triage/handlers';

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
