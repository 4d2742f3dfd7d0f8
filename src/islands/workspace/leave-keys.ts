/**
 * How the keyboard leaves the terminal: Escape, then Tab (or Shift+Tab). The terminal keeps a lone
 * Tab for completion, as a shell does; CodeMirror uses the same two keys, so one rule holds for both
 * panes. Pure: xterm's custom key handler (terminal-view.ts) asks this what to do with each keydown.
 */

export interface KeyFacts {
  type: string;
  key: string;
}

export type KeyAction =
  /** xterm handles the key as usual */
  | { kind: 'terminal' }
  /** xterm ignores it and the browser moves focus (Tab after Escape) */
  | { kind: 'leave' }
  /** swallowed: an Escape that may be followed by Tab; `send` (an earlier held Escape) goes to the terminal first */
  | { kind: 'hold'; send?: string }
  /** the held Escape was meant for the terminal: send `send`, then let xterm handle this key */
  | { kind: 'release'; send: string };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);
const ESC = '\x1b';

export function leaveKeys(): (event: KeyFacts) => KeyAction {
  let held = false;
  return (event) => {
    if (event.type !== 'keydown' || MODIFIERS.has(event.key))
      return held ? { kind: 'hold' } : { kind: 'terminal' };
    if (event.key === 'Escape') {
      const before = held;
      held = true;
      return before ? { kind: 'hold', send: ESC } : { kind: 'hold' };
    }
    if (!held) return { kind: 'terminal' };
    held = false;
    return event.key === 'Tab' ? { kind: 'leave' } : { kind: 'release', send: ESC };
  };
}
