#!/usr/bin/env node
// Prepares what `npm start` needs beyond `npm install`, without disturbing what `npm test` needs:
//
// 1. Electron's own binary. The electron package downloads it on first use (from github.com);
//    we trigger that here so a blocked download ends with a clear hint, not a stack trace.
// 2. better-sqlite3 built for Electron. node_modules/better-sqlite3/build stays the Node build used
//    by the tests, the CLI and the web host (rebuilding it for Electron would break them, and
//    vice versa). The Electron build goes to .native/electron-<version>/better_sqlite3.node, which
//    electron/native-binding.ts hands to the worker. It is made in a temporary copy of the
//    package: first from a prebuilt binary (prebuild-install, no compiler needed), else compiled
//    with node-gyp against Electron's headers.
//
// --packaging: nothing to do; electron-builder downloads Electron and rebuilds better-sqlite3 for
// the package itself (npmRebuild in electron-builder.yml).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const say = (line) => console.log(`[cohort] ${line}`);

function fail(lines) {
  console.error(`\n[cohort] ${lines[0]}`);
  for (const line of lines.slice(1)) console.error(line === '' ? '' : `  ${line}`);
  console.error('');
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Why a child failed, in a few lines: its error lines (not stack frames), else its last lines. */
function reason(result, count = 4) {
  const text = `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error ? String(result.error) : ''}`;
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  const errors = lines.filter((line) => /error|ERR!|fail|not found/i.test(line));
  return (errors.length > 0 ? errors.slice(0, count) : lines.slice(-count)).map((line) => `    ${line.slice(0, 200)}`);
}

function run(command, commandArgs, cwd) {
  return spawnSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    windowsHide: true,
    // Our own flags decide the target; stray npm_config_* settings (runtime, target) must not.
    env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(runtime|target|disturl|arch)$/i.test(key))),
  });
}

if (args.has('--packaging')) {
  say('packaging: electron-builder rebuilds better-sqlite3 for Electron itself.');
  say('note: it may rebuild node_modules/better-sqlite3 in place; run "npm rebuild better-sqlite3" before "npm test" afterwards.');
  process.exit(0);
}

const electronDirectory = join(root, 'node_modules', 'electron');
const sqliteDirectory = join(root, 'node_modules', 'better-sqlite3');
if (!existsSync(join(electronDirectory, 'package.json')) || !existsSync(join(sqliteDirectory, 'package.json'))) {
  fail(['Dependencies are missing: run "npm install" first.']);
}
const electronVersion = readJson(join(electronDirectory, 'package.json')).version;
const sqliteVersion = readJson(join(sqliteDirectory, 'package.json')).version;

// ---- 1. Electron's binary ---------------------------------------------------------------------

function ensureElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return; // the user supplies their own Electron
  // install.js exits at once when the binary is already there, else downloads it.
  const result = spawnSync(process.execPath, [join(electronDirectory, 'install.js')], {
    cwd: electronDirectory,
    encoding: 'utf8',
    windowsHide: true,
  });
  if (result.status === 0) return;
  fail([
    `Electron ${electronVersion} is not installed and its download failed.`,
    '"npm start" opens Cohort in Electron, which downloads its binary (about 100 MB) from github.com on first use.',
    '',
    ...reason(result),
    '',
    'What you can do:',
    '- allow github.com, or behind a proxy set ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY, then run "npm start" again;',
    '- or set ELECTRON_MIRROR to a mirror of Electron releases that your network allows;',
    `- or unpack Electron ${electronVersion} yourself and set ELECTRON_OVERRIDE_DIST_PATH to its folder;`,
    '- or use Cohort without Electron: "npm run web" serves the same app to your browser on 127.0.0.1.',
  ]);
}

// ---- 2. better-sqlite3 for Electron's ABI -----------------------------------------------------

// Spelt the same way in electron/native-binding.ts.
const targetDirectory = join(root, '.native', `electron-${electronVersion}`);
const targetBinary = join(targetDirectory, 'better_sqlite3.node');
const stampFile = join(targetDirectory, 'build-info.json');

function isUpToDate() {
  try {
    return statSync(targetBinary).size > 0 && readJson(stampFile).betterSqlite3 === sqliteVersion;
  } catch {
    return false;
  }
}

/** Returns null when the binary is in place, else the lines explaining why it is not. */
function buildNativeModule() {
  if (process.env.COHORT_NATIVE_BINDING) {
    say(`using COHORT_NATIVE_BINDING=${process.env.COHORT_NATIVE_BINDING} (nothing to build).`);
    return null;
  }
  if (isUpToDate()) return null;

  say(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; node_modules stays as it is)…`);
  const work = mkdtempSync(join(tmpdir(), 'cohort-native-'));
  try {
    const copy = join(work, 'better-sqlite3');
    // The package without its Node build: the sources and the bundled SQLite amalgamation.
    cpSync(sqliteDirectory, copy, {
      recursive: true,
      filter: (source) => !['build', 'node_modules'].includes(relative(sqliteDirectory, source).split(/[\\/]/)[0]),
    });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    const platformArgs = [`--arch=${process.arch}`, `--platform=${process.platform}`];

    const prebuilt = run(
      process.execPath,
      [join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime=electron', `--target=${electronVersion}`, ...platformArgs],
      copy,
    );
    let how = 'prebuilt binary (prebuild-install)';
    let compiled = null;
    if (prebuilt.status !== 0 || !existsSync(built)) {
      say('no prebuilt binary available; compiling with node-gyp (a few minutes)…');
      how = 'compiled with node-gyp';
      compiled = run(
        process.execPath,
        [
          join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
          'rebuild',
          '--release',
          '--jobs=max',
          '--runtime=electron',
          `--target=${electronVersion}`,
          '--dist-url=https://electronjs.org/headers',
          `--devdir=${join(homedir(), '.electron-gyp')}`,
          `--arch=${process.arch}`,
        ],
        copy,
      );
    }
    if (!existsSync(built)) {
      return [
        `Could not build better-sqlite3 for Electron ${electronVersion}.`,
        'The tests, the CLI and "npm run web" are not affected (they use the Node build in node_modules);',
        `only the Electron window needs this second build, in ${relative(root, targetDirectory)}.`,
        '',
        '1) Prebuilt binary from github.com (prebuild-install):',
        ...reason(prebuilt),
        `2) Compiling with node-gyp against Electron's headers from electronjs.org:`,
        ...(compiled ? reason(compiled, 8) : ['    (not tried)']),
        '',
        'What you can do:',
        '- allow github.com and electronjs.org (behind a proxy: set HTTPS_PROXY), then run "npm start" again;',
        '- compiling needs Python 3 and a C++ toolchain (Windows: Visual Studio Build Tools, "Desktop development',
        '  with C++"; macOS: xcode-select --install; Linux: build-essential);',
        `- or set COHORT_NATIVE_BINDING to a better_sqlite3.node built for Electron ${electronVersion};`,
        '- or use Cohort without Electron: "npm run web".',
      ];
    }

    mkdirSync(targetDirectory, { recursive: true });
    // Copied beside, then renamed: an interrupted run never leaves half a binary in place.
    const partial = `${targetBinary}.${process.pid}.partial`;
    copyFileSync(built, partial);
    renameSync(partial, targetBinary);
    writeFileSync(
      stampFile,
      `${JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, how, builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
    say(`ready: ${relative(root, targetBinary)} (${how}).`);
    return null;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

ensureElectronBinary();
const problem = buildNativeModule();
if (problem) fail(problem);
