import type { Handlers, Waits } from './dispatch';
import { appHandlers } from './app/handlers';
import { applicationHandlers, applicationWaits } from './applications/handlers';
import { campaignHandlers } from './campaigns/handlers';
import { databaseHandlers } from './database/handlers';
import { demoHandlers } from './demo/handlers';
import { importHandlers } from './import/handlers';
import { overviewHandlers } from './overview/handlers';
import { officerHandlers } from './app/officer';
import { screeningHandlers, screeningWaits } from './screening/handlers';
import { triageHandlers, triageWaits } from './triage/handlers';
import { noticeHandlers, noticeWaits } from './notices/handlers';
import { selectionHandlers, selectionWaits } from './selection/handlers';
import { shortlistHandlers, shortlistWaits } from './shortlists/handlers';
import { reportHandlers, reportWaits } from './reports/handlers';
import { privacyHandlers, privacyWaits } from './privacy/handlers';
import { auditHandlers } from './audit/handlers';

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
  ...shortlistHandlers,
  ...selectionHandlers,
  ...noticeHandlers,
  ...reportHandlers,
  ...privacyHandlers,
  ...auditHandlers,
};

/** What methods wait for before they run, each declared beside its domain's handlers. */
export const waits: Waits = {
  ...screeningWaits,
  ...applicationWaits,
  ...triageWaits,
  ...shortlistWaits,
  ...selectionWaits,
  ...noticeWaits,
  ...reportWaits,
  ...privacyWaits,
};
