import type { Transport } from '../../shared/api/client';
import { createElectronTransport } from './electron';
import { createElectronFileToPath, createWebFileToPath, type FileToPath } from './files';
import { createWebTransport, takeTokenFromLocation } from './web';
import { createElectronFileSaver, createWebFileSaver, type FileSaver } from './file-saver';

/** What the renderer needs of its host: the API, a way to hand it a file by path, and one to keep a file it makes. */
export interface Platform {
  transport: Transport;
  fileToPath: FileToPath;
  fileSaver: FileSaver;
}

/** Inside Electron the preload provides `window.cohort`; anywhere else we are on the web host. */
export function createPlatform(): Platform {
  if (window.cohort) {
    return { transport: createElectronTransport(window.cohort), fileToPath: createElectronFileToPath(window.cohort), fileSaver: createElectronFileSaver(window.cohort) };
  }
  const token = takeTokenFromLocation();
  return { transport: createWebTransport(token), fileToPath: createWebFileToPath(token), fileSaver: createWebFileSaver() };
}
