import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJobStatus } from '../../shared/api/contract';
import { useClient } from '../api/ClientContext';
import { useEvent } from '../api/hooks';
import { forgetRememberedImport, isOwnImportJob, rememberedImport } from '../api/importJobMemory';
import { describeError } from '../components/describeError';
import { useFormat } from '../i18n/format';
import { importHref, pageHref } from './routes';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  progress: { marginTop: tokens.spacingVerticalXS, maxWidth: '32rem' },
});

/** How often a running job is asked where it stands (its progress events move the bar between). */
const POLL_MS = 1_000;

type Origin = 'reload' | 'elsewhere';

interface Watched {
  jobId: string;
  origin: Origin;
  fileName: string | null;
  status: ImportJobStatus | null;
  /** The services no longer know the job (restarted, or another database opened). */
  lost: boolean;
  /** How many times the job was asked about: each answer schedules the next question. */
  checks: number;
}

const running = (status: ImportJobStatus | null) => status === null || status.state === 'reading' || status.state === 'writing';

interface Activity {
  shown: Watched[];
  dismiss(item: Watched): void;
}

const ActivityContext = createContext<Activity>({ shown: [], dismiss: () => undefined });

/**
 * Follows the imports this window does not hold in its wizard: the one it began before a reload
 * (remembered in the tab), and any another window is running. Mounted once for the window, so
 * it follows them whichever screen shows (the first-run screen too); `ImportActivityBars` shows
 * them. An import left unfinished by a reload is cancelled, so nothing of it lingers.
 */
export function ImportActivityProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [watched, setWatched] = useState<Watched[]>(() => {
    const remembered = rememberedImport();
    return remembered && !isOwnImportJob(remembered.jobId)
      ? [{ jobId: remembered.jobId, origin: 'reload', fileName: remembered.fileName, status: null, lost: false, checks: 0 }]
      : [];
  });

  useEvent((event) => {
    if (event.type !== 'progress' || event.job !== 'import' || !event.jobId || isOwnImportJob(event.jobId)) return;
    const { jobId } = event;
    setWatched((list) => (list.some((w) => w.jobId === jobId) ? list : [...list, { jobId, origin: 'elsewhere', fileName: null, status: null, lost: false, checks: 0 }]));
  });

  // What the polling depends on, as one string: which jobs run, and each one's last answer.
  const pending = watched.filter((w) => !w.lost && running(w.status));
  const pendingKey = pending.map((w) => `${w.jobId} ${w.status?.state ?? 'unknown'} ${w.checks}`).join('|');
  useEffect(() => {
    if (pendingKey === '') return;
    const jobs = pendingKey.split('|').map((entry) => entry.split(' '));
    let stopped = false;
    const timer = setTimeout(
      async () => {
        for (const [jobId] of jobs) {
          if (jobId === undefined) continue;
          const result = await client.tryCall('import.status', { jobId });
          if (stopped) return;
          // The job this tab began and left unfinished (at the mapping or the preview) cannot be
          // taken up again: drop it, once, when it is found so (it is not asked about again).
          const left = result.ok && (result.value.state === 'inspected' || result.value.state === 'previewed');
          if (left && rememberedImport()?.jobId === jobId) void client.tryCall('import.cancel', { jobId });
          setWatched((list) =>
            list.flatMap((item): Watched[] => {
              if (item.jobId !== jobId) return [item];
              if (!result.ok) return item.origin === 'reload' ? [{ ...item, lost: true, checks: item.checks + 1 }] : [];
              const status = result.value;
              // Another window's job that is not being read or written (or was cancelled) is its own business.
              if (item.origin === 'elsewhere' && status.state !== 'committed' && !running(status)) return [];
              return [{ ...item, status, fileName: status.fileName, checks: item.checks + 1 }];
            }),
          );
        }
      },
      // The first look at once; then once a second while the job runs.
      jobs.some(([, state]) => state === 'unknown') ? 0 : POLL_MS,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pendingKey, client]);

  const value = useMemo<Activity>(
    () => ({
      shown: watched.filter((w) => w.lost || w.status !== null),
      dismiss(item) {
        if (item.origin === 'reload') forgetRememberedImport();
        setWatched((list) => list.filter((w) => w.jobId !== item.jobId));
      },
    }),
    [watched],
  );
  return <ActivityContext.Provider value={value}>{children}</ActivityContext.Provider>;
}

/** How each import the window follows goes, and how it ended: counts and a link to the import history. */
export function ImportActivityBars({ className }: { className?: string }) {
  const styles = useStyles();
  const { shown, dismiss } = useContext(ActivityContext);
  if (shown.length === 0) return null;
  return (
    <div className={`${styles.list} ${className ?? ''}`} data-testid="import-activity">
      {shown.map((w) => (
        <ActivityBar key={w.jobId} item={w} onDismiss={() => dismiss(w)} />
      ))}
    </div>
  );
}

function ActivityBar({ item, onDismiss }: { item: Watched; onDismiss: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const file = item.fileName ?? '';
  const elsewhere = item.origin === 'elsewhere';
  const dismiss = (
    <Button appearance="transparent" icon={<DismissRegular />} aria-label={t('importActivity.dismiss')} onClick={onDismiss} />
  );

  if (item.lost || item.status === null) {
    return (
      <MessageBar intent="warning" layout="multiline" data-state="lost">
        <MessageBarBody>
          <MessageBarTitle>{t('importActivity.lostTitle', { file })}</MessageBarTitle>
          {t('importActivity.lost')} <Link href={pageHref('screening')}>{t('importActivity.openHistory')}</Link>
        </MessageBarBody>
        <MessageBarActions containerAction={dismiss} />
      </MessageBar>
    );
  }

  const { status } = item;
  if (status.state === 'reading' || status.state === 'writing') {
    const p = status.progress;
    const fraction = p && p.phase === status.state && p.total > 1 ? Math.min(1, p.done / p.total) : undefined;
    const rows = p?.rows ?? null;
    return (
      <MessageBar intent="info" layout="multiline" data-state={status.state}>
        <MessageBarBody>
          <MessageBarTitle>{t(`importActivity.${status.state}${elsewhere ? 'Elsewhere' : ''}`, { file })}</MessageBarTitle>
          {rows !== null ? t(status.state === 'reading' ? 'import.progress.rowsRead' : 'import.progress.rowsWritten', { count: rows, rows: format.number(rows) }) : t('importActivity.underWay')}
          <ProgressBar className={styles.progress} value={fraction} max={1} aria-label={t(`importActivity.${status.state}${elsewhere ? 'Elsewhere' : ''}`, { file })} />
        </MessageBarBody>
      </MessageBar>
    );
  }

  if (status.state === 'committed' && status.record) {
    const { counts, id } = status.record;
    const figures = (['added', 'updated', 'unchanged', 'rejected'] as const).map((key) => t('importActivity.figure', { label: t(`import.counts.${key}`), value: format.number(counts[key]) })).join(' · ');
    return (
      <MessageBar intent="success" layout="multiline" data-state="committed">
        <MessageBarBody>
          <MessageBarTitle>{t(elsewhere ? 'importActivity.committedElsewhere' : 'importActivity.committed', { file })}</MessageBarTitle>
          {figures}. <Link href={importHref(id)}>{t('import.done.showHistory')}</Link>
        </MessageBarBody>
        <MessageBarActions containerAction={dismiss} />
      </MessageBar>
    );
  }

  // This tab's job, left at the mapping or the preview by the reload (or cancelled, or failed).
  const error = status.error ? describeError(t, status.error) : null;
  return (
    <MessageBar intent={error ? 'error' : 'warning'} layout="multiline" data-state={status.state}>
      <MessageBarBody>
        <MessageBarTitle>{t('importActivity.unfinishedTitle', { file })}</MessageBarTitle>
        {error ? `${error.title}: ${error.message} ` : ''}
        {t('importActivity.unfinished')}
      </MessageBarBody>
      <MessageBarActions containerAction={dismiss} />
    </MessageBar>
  );
}
