import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './preload-api';

// Runs sandboxed, with context isolation: `window.cohort` is a frozen copy made by contextBridge,
// and it is the only thing this preload gives the page (invoke, on, and a dropped file's path).
contextBridge.exposeInMainWorld('cohort', createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)));
