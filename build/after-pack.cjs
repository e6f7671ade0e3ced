'use strict';

/**
 * electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, before signing.
 * Fuses are switches compiled into the Electron executable; flipping them off removes features an
 * attacker with local access could use to run their own code with the app's identity.
 *
 * FUSES is plain data (by @electron/fuses option name) so test/unit/electron-fuses.test.ts can
 * check it without packaging anything.
 */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn Cohort.exe into a general-purpose, signed Node.js.
  RunAsNode: false,
  // NODE_OPTIONS (e.g. --require evil.js) would inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // Refuse an app.asar whose contents do not match the hash embedded at packaging (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Load the app from app.asar only (not from a loose `app` folder dropped beside it).
  OnlyLoadAppFromAsar: true,
  // Chromium's cookie store encrypted with the OS key (we keep none, but nothing is lost).
  EnableCookieEncryption: true,
  // We serve the renderer from app://, never file://: file pages need no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/** The @electron/fuses config for one packaged binary. */
function fuseConfig(fuses, platform, arch) {
  const config = {
    version: fuses.FuseVersion.V1,
    // Flipping fuses invalidates an ad-hoc signature, which Apple Silicon refuses to run unsigned.
    resetAdHocDarwinSignature: platform === 'darwin' && (arch === 'arm64' || arch === 'universal'),
  };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (index === undefined) throw new Error(`@electron/fuses has no fuse named ${name}`);
    config[index] = value;
  }
  return config;
}

/** electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

async function afterPack(context) {
  // @electron/fuses is ESM-only: a dynamic import works from this CommonJS hook.
  const fuses = await import('@electron/fuses');
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  // electron-builder knows where the executable is on each platform (.app, .exe, Linux name).
  await context.packager.addElectronFuses(context, fuseConfig(fuses, context.electronPlatformName, arch));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
