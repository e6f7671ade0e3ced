import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

type FuseName = keyof typeof FuseV1Options;
interface AfterPackContext {
  electronPlatformName: string;
  arch: number;
  packager: { addElectronFuses(context: unknown, config: Record<string | number, unknown>): Promise<unknown> };
}
interface AfterPackModule {
  (context: AfterPackContext): Promise<void>;
  FUSES: Readonly<Partial<Record<FuseName, boolean>>>;
  fuseConfig(fuses: unknown, platform: string, arch: string): Record<string | number, unknown>;
}

// The hook is CommonJS for electron-builder; load it as electron-builder does.
const afterPack = createRequire(import.meta.url)('../../build/after-pack.cjs') as AfterPackModule;

describe("Electron's fuses in the packaged app", () => {
  it('turn off RunAsNode, NODE_OPTIONS and inspect arguments', () => {
    expect(afterPack.FUSES.RunAsNode).toBe(false);
    expect(afterPack.FUSES.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(afterPack.FUSES.EnableNodeCliInspectArguments).toBe(false);
  });

  it('turn on asar integrity, asar-only loading and cookie encryption; no file:// privileges', () => {
    expect(afterPack.FUSES.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(afterPack.FUSES.OnlyLoadAppFromAsar).toBe(true);
    expect(afterPack.FUSES.EnableCookieEncryption).toBe(true);
    expect(afterPack.FUSES.GrantFileProtocolExtraPrivileges).toBe(false);
  });

  it('name only fuses that @electron/fuses knows', () => {
    for (const name of Object.keys(afterPack.FUSES)) expect(FuseV1Options, name).toHaveProperty(name);
  });

  it('are flipped by the afterPack hook, on the packaged binary, with the real fuse indices', async () => {
    const flipped: Record<string | number, unknown>[] = [];
    const context: AfterPackContext = {
      electronPlatformName: 'darwin',
      arch: 3, // electron-builder's Arch.arm64
      packager: {
        addElectronFuses: (_context, config) => {
          flipped.push(config);
          return Promise.resolve(0);
        },
      },
    };
    await afterPack(context);
    expect(flipped).toHaveLength(1);
    const config = flipped[0] ?? {};
    expect(config.version).toBe(FuseVersion.V1);
    expect(config.resetAdHocDarwinSignature).toBe(true);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('keep the Windows signature as it is (no ad-hoc reset)', () => {
    const config = afterPack.fuseConfig({ FuseVersion, FuseV1Options }, 'win32', 'x64');
    expect(config.resetAdHocDarwinSignature).toBe(false);
  });
});

describe('electron-builder.yml', () => {
  const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

  it('runs the fuse hook, keeps better-sqlite3 out of the asar and rebuilds it for Electron', () => {
    expect(yml).toMatch(/^afterPack: build\/after-pack\.cjs$/m);
    expect(yml).toMatch(/^asarUnpack:\n\s+- node_modules\/better-sqlite3\/\*\*$/m);
    expect(yml).toMatch(/^npmRebuild: true$/m);
  });

  it('installs per user on Windows and uses the hardened runtime on macOS', () => {
    expect(yml).toMatch(/^\s+perMachine: false$/m);
    expect(yml).toMatch(/^\s+oneClick: false$/m);
    expect(yml).toMatch(/^\s+hardenedRuntime: true$/m);
    expect(yml).toMatch(/^\s+entitlements: build\/entitlements\.mac\.plist$/m);
  });

  it('asks macOS for JIT only', () => {
    const plist = readFileSync(new URL('../../build/entitlements.mac.plist', import.meta.url), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });
});
