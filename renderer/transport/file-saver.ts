import type { FileOutput, FileTarget } from '../../shared/api/files';
import type { CohortBridge } from './bridge';

/**
 * How this host lets the user keep a file the services make (see shared/api/files.ts): in Electron
 * the main process's Save dialog says where, and the worker writes there; in a browser the page
 * downloads what the services hand back.
 */
export interface FileSaver {
  /** Where the file should go; null when the user cancelled the Save dialog. */
  chooseTarget(suggestedName: string): Promise<FileTarget | null>;
  /** Where a batch of files should go (a folder; a .zip download in a browser); null when cancelled. */
  chooseFolderTarget(): Promise<FileTarget | null>;
  /** What is left to do with the services' answer: a download in a browser, nothing once saved. */
  deliver(output: FileOutput): void;
  /** Electron: opens the folder of a file saved this session, with the file selected. */
  showInFolder?(path: string): Promise<void>;
}

export function createElectronFileSaver(bridge: CohortBridge): FileSaver {
  return {
    async chooseTarget(suggestedName) {
      const path = (await bridge.chooseSavePath?.(suggestedName)) ?? null;
      return path === null ? null : { kind: 'path', path };
    },
    async chooseFolderTarget() {
      const path = (await bridge.chooseFolder?.()) ?? null;
      return path === null ? null : { kind: 'folder', path };
    },
    deliver() {
      // The worker wrote the file where the user chose.
    },
    showInFolder: bridge.showInFolder ? (path) => bridge.showInFolder!(path) : undefined,
  };
}

export function createWebFileSaver(): FileSaver {
  return {
    chooseTarget: async () => ({ kind: 'download' }),
    chooseFolderTarget: async () => ({ kind: 'download' }),
    deliver(output) {
      if (output.kind !== 'download') return;
      const bytes = Uint8Array.from(atob(output.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: output.mediaType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = output.fileName;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later, not at once: some browsers start reading the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
