import { join } from 'node:path';

/**
 * Which better-sqlite3 binary the Electron worker loads. node_modules/better-sqlite3/build holds the
 * Node 20 build that tests, the CLI and the web host use; Electron has another ABI, so in
 * development scripts/ensure-electron-native.mjs builds a second copy into
 * `.native/electron-<version>/` (that path is spelt the same way there). A packaged app has its own,
 * rebuilt by electron-builder, found the usual way (undefined here). COHORT_NATIVE_BINDING overrides.
 */
export interface NativeBindingOptions {
  env: Record<string, string | undefined>;
  isPackaged: boolean;
  appPath: string;
  electronVersion: string;
}

export function electronNativeBinding(options: NativeBindingOptions): string | undefined {
  const override = options.env.COHORT_NATIVE_BINDING;
  if (override) return override;
  if (options.isPackaged) return undefined;
  return join(options.appPath, '.native', `electron-${options.electronVersion}`, 'better_sqlite3.node');
}
