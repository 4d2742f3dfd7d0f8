/**
 * A keydown as the bytes a terminal sends for it (what xterm's onData would deliver), for the plain
 * terminal that stands in while xterm loads. Pure; null for keys a terminal sends nothing for.
 */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** inside an IME composition: its text arrives through the input event */
  isComposing?: boolean;
}

const NAMED: Record<string, string> = {
  Enter: '\r',
  Backspace: '\x7f',
  Tab: '\t',
  Delete: '\x1b[3~',
  ArrowUp: '\x1b[A',
  ArrowDown: '\x1b[B',
  ArrowRight: '\x1b[C',
  ArrowLeft: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
};

export function keyData(k: KeyPress): string | null {
  if (k.metaKey) return null;
  const named = NAMED[k.key];
  if (named) return named;
  if (k.ctrlKey && !k.altKey && /^[a-z]$/i.test(k.key))
    return String.fromCharCode(k.key.toLowerCase().charCodeAt(0) - 96);
  // A typed character is sent from its keydown: letting the browser insert it into the textarea
  // first costs an editing pass and a layout per key (tens of ms on a slow phone). AltGr/Option
  // characters (Ctrl+Alt or Alt held), paste and IME still arrive through the input event.
  if (!k.ctrlKey && !k.altKey && !k.isComposing && [...k.key].length === 1) return k.key;
  return null;
}
