/** Variable expansion shared by the builder, the shell and the server reading; expected values as bash 5 gives them. */
import { describe, expect, it } from 'vitest';
import { expandVariables } from '../../../src/core/text/index.ts';

const VARS: Readonly<Record<string, string>> = { SET: 'v', EMPTY: '' };
const lookup = (name: string) => (Object.hasOwn(VARS, name) ? VARS[name] : undefined);

describe('expandVariables', () => {
  it.each<[string, string, boolean]>([
    ['$SET', 'v', false],
    ['${SET}', 'v', false],
    ['${UNSET}', '', true],
    ['${UNSET:-d}', 'd', false],
    ['${EMPTY:-d}', 'd', false],
    ['${EMPTY-d}', '', false],
    ['${SET:-d}', 'v', false],
    ['${SET:+w}', 'w', false],
    ['${EMPTY:+w}', '', false],
    ['${EMPTY+w}', 'w', false],
    ['${UNSET+w}', '', false],
    ['a$SET.b', 'av.b', false],
    ['$1', '', true],
    ['${SET:-a b}', 'v', false],
    ['no variables', 'no variables', false],
    ['$', '$', false],
    ['${unclosed', '${unclosed', false],
  ])('%s → %j (unset read: %s)', (text, expected, unset) => {
    expect(expandVariables(text, lookup)).toEqual({ text: expected, unset });
  });

  it('asks for $? by name, as the shell keeps the last exit code', () => {
    expect(expandVariables('exit $?', (name) => (name === '?' ? '127' : undefined)).text).toBe(
      'exit 127',
    );
  });
});
