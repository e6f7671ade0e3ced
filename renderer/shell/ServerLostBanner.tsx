import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeFeed, useServerLost } from '../api/ClientContext';
import { useQuery } from '../api/hooks';
import { isOnServer } from './serverPages';
import { useWorkspace } from './WorkspaceContext';

/** While the server is lost, how often its status is asked again (each ask waits 3 s at most for the server). */
export const SERVER_RETRY_MS = 2_000;

/**
 * Team mode: while the office server cannot be reached (its change feed lost it, or a request was
 * refused as ServerUnreachable), every page keeps what it shows under this banner; decisions are
 * not saved meanwhile. Once the server answers again the banner goes and what the pages show is
 * reloaded (what changed meanwhile was not heard).
 */
export function ServerLostBanner({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { info } = useWorkspace();
  const onServer = isOnServer(info);
  // Its answers reach useServerLost through the window's client (renderer/api/serverReach.ts).
  const { refetch } = useQuery('database.status', onServer ? {} : null);
  const lost = useServerLost();
  const changes = useChangeFeed();

  useEffect(() => {
    if (!lost) return;
    const timer = setInterval(refetch, SERVER_RETRY_MS);
    return () => clearInterval(timer);
  }, [lost, refetch]);

  const wasLost = useRef(false);
  useEffect(() => {
    // Back: everything reloads, the queue's own rows too. When the change feed lost the server its
    // return says so already; but a request may have failed while the feed heard nothing.
    if (wasLost.current && !lost) changes.heardLocally({ type: 'changed', topics: ['database'] });
    wasLost.current = lost;
  }, [lost, changes]);

  if (!onServer || !lost) return null;
  return (
    <MessageBar intent="warning" layout="multiline" politeness="assertive" className={className} data-testid="server-lost">
      <MessageBarBody>
        <MessageBarTitle>{t('serverLost.title')}</MessageBarTitle>
        {t('serverLost.body')}
      </MessageBarBody>
    </MessageBar>
  );
}
