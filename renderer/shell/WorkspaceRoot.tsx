import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, DatabaseInfo, DemoResult, ImportResult, RestoreResult } from '../../shared/api/contract';
import { useInvalidateAll } from '../api/ClientContext';
import { useEvent, useQuery } from '../api/hooks';
import { ErrorBar } from '../components/ErrorBar';
import { useNotify } from '../components/Notify';
import { createImportStarter, ImportController } from '../dialogs/import/ImportController';
import { NewCampaignDialog } from '../dialogs/NewCampaignDialog';
import { OpenDatabaseDialog } from '../dialogs/OpenDatabaseDialog';
import { RestoreDialog } from '../dialogs/RestoreDialog';
import { useFormat } from '../i18n/format';
import { FirstRunPage } from '../pages/FirstRunPage';
import { AppShell } from './AppShell';
import { ImportActivityProvider } from './ImportActivity';
import { chooseCampaign, readRememberedCampaign, rememberCampaign } from './campaignChoice';
import { importHref, useRoute } from './routes';
import { WorkspaceContext, type DialogName, type Workspace } from './WorkspaceContext';

const useStyles = makeStyles({
  center: {
    minHeight: '100vh',
    display: 'grid',
    placeItems: 'center',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
  },
  startupError: { maxWidth: '40rem' },
});

/**
 * Loads what the whole app depends on (app info, campaigns), decides between the first-run screen
 * and the shell, and owns the dialogs both can open (and the native menu's commands).
 */

export function WorkspaceRoot() {
  const styles = useStyles();
  const { t } = useTranslation();
  const notify = useNotify();
  const format = useFormat();
  const invalidateAll = useInvalidateAll();
  // Triage decisions (many a minute) change neither: only other changes reload them.
  const info = useQuery('app.info', {});
  const campaigns = useQuery('campaign.list', {});
  const [page, navigate] = useRoute();
  const [chosen, setChosen] = useState<number | null>(null);
  const [firstRunDone, setFirstRunDone] = useState(false);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [lastImportId, setLastImportId] = useState<number | null>(null);
  const [importStarter] = useState(createImportStarter);
  const startImport = importStarter.start;

  // In Electron a database is chosen in the main process's native dialog, never typed into the page
  // (the main process refuses a database path the page names: electron/path-policy.ts).
  const openDialog = useCallback((name: DialogName) => {
    const native = window.cohort?.command;
    if (native && (name === 'openDatabase' || name === 'newDatabase')) void native(name);
    else setDialog(name);
  }, []);

  const databasePath = info.data?.databasePath ?? null;
  const campaign = useMemo(() => {
    if (!campaigns.data || databasePath === null) return null;
    return chooseCampaign(campaigns.data, chosen ?? readRememberedCampaign(databasePath));
  }, [campaigns.data, chosen, databasePath]);

  const selectCampaign = useCallback(
    (id: number) => {
      setChosen(id);
      if (databasePath !== null) rememberCampaign(databasePath, id);
    },
    [databasePath],
  );
  const leaveFirstRun = useCallback(() => setFirstRunDone(true), []);

  useEvent((event) => {
    if (event.type !== 'command') return;
    switch (event.command) {
      case 'newCampaign':
        setDialog('newCampaign');
        break;
      case 'restore':
        setDialog('restore');
        break;
      case 'settings':
      case 'overview':
        setFirstRunDone(true);
        navigate(event.command);
        break;
      case 'import':
        startImport();
        break;
    }
  });

  const onCampaignCreated = (created: Campaign) => {
    setDialog(null);
    selectCampaign(created.id);
    setFirstRunDone(true);
    navigate('overview');
    notify.success(t('newCampaign.created', { name: created.name }), t('newCampaign.createdNext'));
  };
  const onDatabaseOpened = (opened: DatabaseInfo, created: boolean) => {
    setDialog(null);
    setChosen(null);
    setFirstRunDone(true);
    invalidateAll();
    navigate('overview');
    notify.success(t(created ? 'openDatabase.created' : 'openDatabase.opened'), opened.path);
  };
  const onRestored = (result: RestoreResult) => {
    setDialog(null);
    invalidateAll();
    notify.success(t('restore.done'), t('restore.doneBody', { file: result.restoredFrom }));
  };
  const onDemoLoaded = (result: DemoResult) => {
    selectCampaign(result.campaignId);
    setFirstRunDone(true);
    invalidateAll();
    navigate('overview');
    notify.success(
      t('demo.done', { amount: format.number(result.inserted) }),
      t('demo.doneBody', { seconds: format.number(Math.round(result.durationMs / 100) / 10) }),
    );
  };

  const onImported = (result: ImportResult) => {
    setLastImportId(result.id);
    // Application counts changed (and the database may no longer be empty).
    campaigns.refetch();
    info.refetch();
  };
  const onShowImport = (importId: number) => {
    setFirstRunDone(true);
    window.location.hash = importHref(importId);
  };

  const value = useMemo<Workspace | null>(
    () =>
      info.data && campaigns.data
        ? {
            info: info.data,
            campaigns: campaigns.data,
            campaign,
            selectCampaign,
            page,
            navigate,
            openDialog,
            startImport,
            lastImportId,
            leaveFirstRun,
          }
        : null,
    [info.data, campaigns.data, campaign, selectCampaign, page, navigate, openDialog, startImport, lastImportId, leaveFirstRun],
  );

  const startupError = info.error ?? campaigns.error;
  if (startupError && !value) {
    const retry = () => {
      info.refetch();
      campaigns.refetch();
    };
    return (
      <main className={styles.center}>
        <ErrorBar error={startupError} onRetry={retry} className={styles.startupError} />
      </main>
    );
  }
  if (!value) {
    return (
      <main className={styles.center}>
        <Spinner label={t('app.loading')} />
      </main>
    );
  }

  const showFirstRun = value.info.isEmpty && !firstRunDone;
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  return (
    <WorkspaceContext.Provider value={value}>
      <ImportActivityProvider>
        {showFirstRun ? <FirstRunPage onDemoLoaded={onDemoLoaded} /> : <AppShell onDemoLoaded={onDemoLoaded} />}
        <NewCampaignDialog open={dialog === 'newCampaign'} onOpenChange={close} onCreated={onCampaignCreated} />
        <OpenDatabaseDialog
          mode={dialog === 'newDatabase' ? 'create' : 'open'}
          open={dialog === 'openDatabase' || dialog === 'newDatabase'}
          onOpenChange={close}
          onOpened={onDatabaseOpened}
        />
        <RestoreDialog open={dialog === 'restore'} onOpenChange={close} onRestored={onRestored} />
        <ImportController starter={importStarter} onImported={onImported} onShowImport={onShowImport} />
      </ImportActivityProvider>
    </WorkspaceContext.Provider>
  );
}
