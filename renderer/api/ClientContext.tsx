import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Client } from '../../shared/api/client';
import type { FileToPath } from '../transport/files';

interface ClientContextValue {
  client: Client;
  /** Turns a chosen or dropped file into a path the services can read (upload on the web host). */
  fileToPath: FileToPath;
  /** Bumped when every query must load again (another database was opened or restored). */
  epoch: number;
  invalidateAll: () => void;
}

const ClientContext = createContext<ClientContextValue | null>(null);

export function ClientProvider({ client, fileToPath, children }: { client: Client; fileToPath: FileToPath; children: ReactNode }) {
  const [epoch, setEpoch] = useState(0);
  const invalidateAll = useCallback(() => setEpoch((e) => e + 1), []);
  const value = useMemo(() => ({ client, fileToPath, epoch, invalidateAll }), [client, fileToPath, epoch, invalidateAll]);
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

export function useEpoch(): number {
  return useClientContext().epoch;
}

/** Makes every mounted query load again. */
export function useInvalidateAll(): () => void {
  return useClientContext().invalidateAll;
}
