/** Terminal escape sequences removed from text: what a paste or a transcript carries besides the words. */

// CSI sequences (colours, cursor moves), OSC titles, and the lone ESC pairs a terminal may carry:
// ESC 7/8, and zsh's keypad modes ESC = and ESC > around every command line.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[0-?@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
