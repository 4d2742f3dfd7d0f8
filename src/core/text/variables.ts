/**
 * `$NAME`, `${NAME}` and the POSIX forms with a default, `${NAME:-word}`, `${NAME-word}`,
 * `${NAME:+word}`, `${NAME+word}` (`:` also treats an empty value as unset), as the Dockerfile
 * builder expands build args and ENV, and a shell its variables. `$?` and `$1` are names too;
 * `lookup` answers undefined for what is unset. One expansion for the sandbox's builder and shell
 * and for reading a server's address out of a CMD.
 */

export interface Expansion {
  text: string;
  /** an unset name was read without a default: the caller may not know the real value */
  unset: boolean;
}

const VARIABLE = /\$(?:\{(\w+)(?:(:?)([-+])([^}]*))?\}|(\w+|\?))/g;

export function expandVariables(
  text: string,
  lookup: (name: string) => string | undefined,
): Expansion {
  let unset = false;
  const expanded = text.replace(
    VARIABLE,
    (
      _,
      braced: string | undefined,
      colon: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined,
    ) => {
      const value = lookup(braced ?? bare ?? '');
      if (op === undefined) {
        if (value === undefined) unset = true;
        return value ?? '';
      }
      const set = value !== undefined && (colon === '' || value !== '');
      if (op === '-') return set ? value : (word ?? '');
      return set ? (word ?? '') : '';
    },
  );
  return { text: expanded, unset };
}
