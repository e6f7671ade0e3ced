import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Client } from '../../shared/api/client';
import type { FileSaver } from '../transport/file-saver';
import type { FileToPath } from '../transport/files';

interface ClientContextValue {
  client: Client;
  /** Turns a chosen or dropped file into a path the services can read (upload on the web host). */
  fileToPath: FileToPath;
  /** Keeps a file the services make: the Save dialog and the worker in Electron, a download in a browser. */
  fileSaver: FileSaver;
  /** Bumped when every query must load again (another database was opened or restored). */
  epoch: number;
  invalidateAll: () => void;
}

const ClientContext = createContext<ClientContextValue | null>(null);

export function ClientProvider({ client, fileToPath, fileSaver, children }: { client: Client; fileToPath: FileToPath; fileSaver: FileSaver; children: ReactNode }) {
  const [epoch, setEpoch] = useState(0);
  const invalidateAll = useCallback(() => setEpoch((e) => e + 1), []);
  const value = useMemo(() => ({ client, fileToPath, fileSaver, epoch, invalidateAll }), [client, fileToPath, fileSaver, epoch, invalidateAll]);
  return <ClientContext.Provider value={value}>{children}</ClientContext.Provider>;
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

/** Makes every mounted query load again. */
export function useInvalidateAll(): () => void {
  return useClientContext().invalidateAll;
}
