import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Client } from '../../shared/api/client';
import type { FileSaver } from '../transport/file-saver';
import type { FileToPath } from '../transport/files';
import { ChangeFeed } from './changeFeed';
import { createQueryCache, invalidateChanged } from './queryCache';
import { reportingReach, ServerReach } from './serverReach';

interface ClientContextValue {
  client: Client;
  /** Turns a chosen or dropped file into a path the services can read (upload on the web host). */
  fileToPath: FileToPath;
  /** Keeps a file the services make: the Save dialog and the worker in Electron, a download in a browser. */
  fileSaver: FileSaver;
  /** Bumped when every query must load again (another database was opened or restored). */
  epoch: number;
  invalidateAll: () => void;
  /** What the services say changed, gathered in bursts: the query cache follows it, as do views that keep their own rows. */
  changes: ChangeFeed;
  /** Whether the office server answered the last request (team mode's lost-server banner). */
  reach: ServerReach;
}

const ClientContext = createContext<ClientContextValue | null>(null);

/**
 * The services as the window reaches them, with the one cache of their answers (TanStack Query)
 * and the one subscriber to their changes, which marks out of date what each change affects.
 */
export function ClientProvider({ client: given, fileToPath, fileSaver, children }: { client: Client; fileToPath: FileToPath; fileSaver: FileSaver; children: ReactNode }) {
  const [reach] = useState(() => new ServerReach());
  // Every call of the window passes here, so any of them can tell that the office server is lost (or back).
  const client = useMemo(() => reportingReach(given, reach), [given, reach]);
  const [epoch, setEpoch] = useState(0);
  const invalidateAll = useCallback(() => setEpoch((e) => e + 1), []);
  const [cache] = useState(createQueryCache);
  const changes = useMemo(() => new ChangeFeed(client), [client]);
  useEffect(() => changes.listen((burst) => void invalidateChanged(cache, burst)), [changes, cache]);
  const value = useMemo(() => ({ client, fileToPath, fileSaver, epoch, invalidateAll, changes, reach }), [client, fileToPath, fileSaver, epoch, invalidateAll, changes, reach]);
  return (
    <QueryClientProvider client={cache}>
      <ClientContext.Provider value={value}>{children}</ClientContext.Provider>
    </QueryClientProvider>
  );
}

function useClientContext(): ClientContextValue {
  const value = useContext(ClientContext);
  if (!value) throw new Error('useClient() needs a <ClientProvider> above it.');
  return value;
}

export function useClient(): Client {
  return useClientContext().client;
}

export function useFileToPath(): FileToPath {
  return useClientContext().fileToPath;
}

export function useFileSaver(): FileSaver {
  return useClientContext().fileSaver;
}

export function useEpoch(): number {
  return useClientContext().epoch;
}

export function useChangeFeed(): ChangeFeed {
  return useClientContext().changes;
}

/** True while the office server's last answer was that it cannot be reached. */
export function useServerLost(): boolean {
  const { reach } = useClientContext();
  return useSyncExternalStore(reach.subscribe, reach.isLost);
}

/** Makes every mounted query load again. */
export function useInvalidateAll(): () => void {
  return useClientContext().invalidateAll;
}
