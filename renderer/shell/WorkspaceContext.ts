import { createContext, useContext } from 'react';
import type { AppInfo, CampaignSummary } from '../../shared/api/contract';
import type { Page } from './routes';

export type DialogName = 'newCampaign' | 'openDatabase' | 'newDatabase' | 'restore';

/** What every page and the shell know about the open database and the user's place in it. */
export interface Workspace {
  info: AppInfo;
  campaigns: CampaignSummary[];
  /** The campaign being worked on; null only while a database has none. */
  campaign: CampaignSummary | null;
  selectCampaign(id: number): void;
  page: Page;
  navigate(page: Page): void;
  openDialog(name: DialogName): void;
  /** Opens the import wizard, with a file (dropped, chosen) or at "choose a file". */
  startImport(file?: File): void;
  /** The latest import finished in this session, so lists of imports know to load again. */
  lastImportId: number | null;
  /** Leave the first-run screen for the shell (after a choice there succeeded). */
  leaveFirstRun(): void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() needs the <WorkspaceRoot> above it.');
  return value;
}
