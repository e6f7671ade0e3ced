import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import { SHORTCUT_GROUPS, type Key } from '../../renderer/pages/triage/shortcuts';

/** The README is a newcomer's first guide: what it promises must be true of this checkout. */
const ROOT = resolve(__dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

interface LockPackage {
  engines?: { node?: string };
}

describe('README', () => {
  it('asks for a Node.js version that every installed package accepts', () => {
    const stated = /You need Node\.js (\d+\.\d+) or later/.exec(readme)?.[1];
    expect(stated, 'the README names the Node.js version it needs').toBeDefined();
    const version = semver.coerce(stated)!.version;
    const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
    const refusing = Object.entries(lock.packages)
      .filter(([, pkg]) => pkg.engines?.node !== undefined && !semver.satisfies(version, pkg.engines.node))
      .map(([path, pkg]) => `${path.replace(/^.*node_modules\//, '')} wants ${pkg.engines?.node}`);
    expect(refusing).toEqual([]);
  });

  it('lists every triage shortcut with what it does', () => {
    const actions = en.triageDetail.shortcuts;
    const keyNames: Record<string, string> = { ...actions.key, ctrl: 'Ctrl', cmd: 'Ctrl' };
    const keyText = (key: Key) => (typeof key === 'string' ? key : keyNames[key.name]);
    for (const shortcut of SHORTCUT_GROUPS.flatMap((group) => group.shortcuts)) {
      const keys = shortcut.keys.map((combo) => `\`${combo.map(keyText).join('+')}\``).join(' or ');
      expect(readme).toContain(`| ${keys} | ${actions[shortcut.action]} |`);
    }
  });

  it('runs its command-line examples on files a clone has or the examples make', () => {
    const block = /## The command line[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(3);
    const made = new Set<string>();
    for (const line of lines) {
      const command = line.replace(/#.*$/, '');
      const output = /--(?:csv|db) (\S+)/.exec(command)?.[1];
      for (const path of command.match(/(?:^|\s)((?:\.\.?\/|\/)\S+)/g) ?? []) {
        const file = path.trim();
        if (file === output) continue;
        expect(made.has(file) || file.startsWith('./'), `${file} in "${line.trim()}" exists in a clone or is made by an example above`).toBe(true);
      }
      if (output) made.add(output);
    }
  });
});
