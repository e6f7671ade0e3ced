import type { Transport } from '../../shared/api/client';
import { createElectronTransport } from './electron';
import { createWebTransport, takeTokenFromLocation } from './web';

/** Inside Electron the preload provides `window.cohort`; anywhere else we are on the web host. */
export function createTransport(): Transport {
  if (window.cohort) return createElectronTransport(window.cohort);
  return createWebTransport(takeTokenFromLocation());
}
