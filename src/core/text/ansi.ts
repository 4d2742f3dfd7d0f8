/** Terminal escape sequences removed from text: what a paste or a transcript carries besides the words. */

// CSI sequences (colours, cursor moves), OSC titles, and the lone ESC pairs xterm may send.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
