/** ANSI colour as real tools print it (its removal: core/text's `stripAnsi`). */

const SGR = (code: string) => (text: string) => `\x1b[${code}m${text}\x1b[0m`;

export const style = {
  bold: SGR('1'),
  dim: SGR('2'),
  red: SGR('31'),
  green: SGR('32'),
  yellow: SGR('33'),
  blue: SGR('34'),
  cyan: SGR('36'),
  boldBlue: SGR('1;34'),
  boldGreen: SGR('1;32'),
};
