import type en from '../../i18n/en.json';

/**
 * The triage page's keyboard shortcuts as data: the sheet opened with "?" shows them, and a test
 * checks the README lists each one.
 */

/** Names of keys that differ by language ("Shift" is "Maj" on a French keyboard). */
export type KeyName = keyof (typeof en)['triageDetail']['shortcuts']['key'];
/** One key: a letter or sign as printed on the keyboard, or a named key. */
export type Key = string | { name: KeyName };
/** Keys pressed together. */
export type Combo = Key[];
export type ShortcutAction = Exclude<keyof (typeof en)['triageDetail']['shortcuts'], 'key' | 'title' | 'intro' | 'caption' | 'colKeys' | 'colAction' | 'or' | `group${string}`>;

export interface Shortcut {
  /** Alternatives: any one of these combos does it. */
  keys: Combo[];
  action: ShortcutAction;
}

/** macOS says ⌘ where Windows says Ctrl. */
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const shift: Key = { name: 'shift' };
const mod: Key = { name: IS_MAC ? 'cmd' : 'ctrl' };

/** Every shortcut of the triage page (useTriageKeys.ts decides what each key does; keep the two in step,
 * and the README's table, which a test compares with this list). */
export const SHORTCUT_GROUPS: { title: 'groupMove' | 'groupDecide' | 'groupSelect' | 'groupOther'; shortcuts: Shortcut[] }[] = [
  {
    title: 'groupMove',
    shortcuts: [
      { keys: [['J'], [{ name: 'down' }]], action: 'next' },
      { keys: [['K'], [{ name: 'up' }]], action: 'previous' },
      { keys: [['[']], action: 'previousCriterion' },
      { keys: [[']']], action: 'nextCriterion' },
    ],
  },
  {
    title: 'groupDecide',
    shortcuts: [
      { keys: [['S']], action: 'propose' },
      { keys: [['X']], action: 'notRetained' },
      { keys: [['I']], action: 'inReview' },
      { keys: [['1–5']], action: 'score' },
      { keys: [['N']], action: 'note' },
      { keys: [['A']], action: 'assign' },
      { keys: [['U']], action: 'undo' },
    ],
  },
  {
    title: 'groupSelect',
    shortcuts: [
      { keys: [[shift, 'J'], [shift, { name: 'down' }]], action: 'extendDown' },
      { keys: [[shift, 'K'], [shift, { name: 'up' }]], action: 'extendUp' },
      { keys: [[{ name: 'space' }]], action: 'toggle' },
      { keys: [[mod, 'A']], action: 'selectAll' },
      { keys: [[{ name: 'esc' }]], action: 'escape' },
    ],
  },
  {
    title: 'groupOther',
    shortcuts: [
      { keys: [['/']], action: 'search' },
      { keys: [['?']], action: 'help' },
    ],
  },
];

