/**
 * The fixed Electron IPC channel names. Kept apart from the contract so the preload, which needs
 * only these, does not bundle zod and every schema.
 */
export const CHANNELS = {
  invoke: 'cohort:invoke',
  event: 'cohort:event',
  /** The preload tells the main process the path of a file the user chose or dropped (see electron/path-policy.ts). */
  grantFile: 'cohort:grant-file',
  /** The page asks the main process to run one of its own commands (its native Open and New dialogs). */
  command: 'cohort:command',
  /** The page asks for the main process's native Save dialog; the chosen path may then be written by the worker. */
  chooseSavePath: 'cohort:choose-save-path',
  /** The page asks for the main process's native folder dialog, for a batch of files. */
  chooseFolder: 'cohort:choose-folder',
  /** The page asks to show a file saved this session in its folder. */
  showInFolder: 'cohort:show-in-folder',
  /** The page asks to be saved as a PDF (printToPDF) where the user chooses in the Save dialog. */
  printToPdf: 'cohort:print-to-pdf',
} as const;

/** The main-process commands a page may ask for: each opens a native dialog, so the user decides. */
export const PAGE_COMMANDS = ['openDatabase', 'newDatabase'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

/**
 * Settings > Database in Electron (team mode): the page asks the main process, which alone starts
 * database workers and holds the keychain (electron/connection-ipc.ts). Each checks its sender and
 * validates its input; none ever answers with the password.
 */
export const CONNECTION_CHANNELS = {
  /** Where this window works and what Settings remembers (ConnectionState). */
  state: 'cohort:connection:state',
  /** The native Open dialog for the office CA file; the chosen path may then be given to connect. */
  chooseCaFile: 'cohort:connection:choose-ca-file',
  /** Test the office server, then switch to it (ConnectRequest in, ConnectAnswer out). */
  connect: 'cohort:connection:connect',
  /** Back to this computer's own database file. */
  useThisComputer: 'cohort:connection:use-this-computer',
} as const;
