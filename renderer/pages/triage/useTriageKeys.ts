import { useEffect, useEffectEvent } from 'react';

/** What the triage keyboard can ask for; the page decides what each does. */
export type TriageCommand =
  | { type: 'move'; by: 1 | -1; extend: boolean }
  | { type: 'propose' }
  | { type: 'inReview' }
  | { type: 'notRetained' }
  | { type: 'score'; score: number }
  | { type: 'criterion'; by: 1 | -1 }
  | { type: 'note' }
  | { type: 'assignToMe' }
  | { type: 'undo' }
  | { type: 'search' }
  | { type: 'help' }
  | { type: 'toggleSelection' }
  | { type: 'selectAll' }
  | { type: 'escape' };

/** Where typing is typing: keys there are text, not commands. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.getAttribute('role') === 'combobox';
}

/** The command a key press means, or null. Letters in either case; no Alt (menus) or Ctrl except Ctrl/Cmd+A. */
export function commandOf(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): TriageCommand | null {
  if (event.altKey) return null;
  const key = event.key;
  if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'a') return { type: 'selectAll' };
  if (event.ctrlKey || event.metaKey) return null;
  switch (key) {
    case 'j':
    case 'J':
    case 'ArrowDown':
      return { type: 'move', by: 1, extend: event.shiftKey };
    case 'k':
    case 'K':
    case 'ArrowUp':
      return { type: 'move', by: -1, extend: event.shiftKey };
    case 's':
    case 'S':
      return { type: 'propose' };
    case 'i':
    case 'I':
      return { type: 'inReview' };
    case 'x':
    case 'X':
      return { type: 'notRetained' };
    case 'n':
    case 'N':
      return { type: 'note' };
    case 'a':
    case 'A':
      return { type: 'assignToMe' };
    case 'u':
    case 'U':
      return { type: 'undo' };
    case '[':
      return { type: 'criterion', by: -1 };
    case ']':
      return { type: 'criterion', by: 1 };
    case '/':
      return { type: 'search' };
    case '?':
      return { type: 'help' };
    case ' ':
      return { type: 'toggleSelection' };
    case 'Escape':
      return { type: 'escape' };
    default:
      return /^[1-5]$/.test(key) ? { type: 'score', score: Number(key) } : null;
  }
}

/**
 * The triage shortcuts, on the whole window while the triage page is shown, except where the
 * officer types (search box, note) or a dialog is open (it has its own keys).
 */
export function useTriageKeys(enabled: boolean, run: (command: TriageCommand, event: KeyboardEvent) => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || isTextEntry(event.target)) return;
    if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"], [role="menu"], [role="listbox"]')) return;
    // A button or link keeps Space and Enter for itself.
    if (event.key === ' ' && event.target instanceof HTMLElement && event.target.closest('button, a')) return;
    const command = commandOf(event);
    if (!command) return;
    event.preventDefault();
    run(command, event);
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
