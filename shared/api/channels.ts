/**
 * The fixed Electron IPC channel names. Kept apart from the contract so the preload, which needs
 * only these, does not bundle zod and every schema.
 */
export const CHANNELS = {
  invoke: 'cohort:invoke',
  event: 'cohort:event',
} as const;
