/**
 * The workspace's evidence: the transcript plus the files' current text, judged by the real
 * checkers exactly as the exercise panel judges it.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/checkers/index.ts';
import type { SandboxEvent } from '../../../src/core/evidence.ts';
import { createSandbox } from '../../../src/core/sandbox/index.ts';
import { currentFiles } from '../../../src/islands/workspace/backend.ts';
import { withCurrentFiles } from '../../../src/islands/workspace/evidence.ts';
import { treeFromGlob } from '../../../src/islands/workspace/project-files.ts';
import { readWorkspace } from '../../../src/node/cli/sandbox.ts';

const cmd = (command: string): SandboxEvent => ({
  type: 'command',
  command,
  output: '',
  exitCode: 0,
  cwd: '/home/learner/demo',
});
const file = (path: string, text: string): SandboxEvent => ({ type: 'file', path, text });

describe('withCurrentFiles', () => {
  it.each<[string, SandboxEvent[], Record<string, string>, SandboxEvent[]]>([
    ['no events: every file, sorted', [], { b: '2', a: '1' }, [file('a', '1'), file('b', '2')]],
    [
      'a file already recorded with its current text is not repeated',
      [file('a', '1')],
      { a: '1' },
      [file('a', '1')],
    ],
    [
      'a file changed since its last event is added',
      [file('a', '1'), cmd('ls')],
      { a: '2' },
      [file('a', '1'), cmd('ls'), file('a', '2')],
    ],
    [
      'only the latest event of a path counts',
      [file('a', '2'), file('a', '1')],
      { a: '2' },
      [file('a', '2'), file('a', '1'), file('a', '2')],
    ],
    ['no files: the transcript as it is', [cmd('ls')], {}, [cmd('ls')]],
  ])('%s', (_name, transcript, files, expected) => {
    expect(withCurrentFiles(transcript, files)).toEqual(expected);
  });
});

describe('sandbox evidence judged by the checkers', () => {
  const solution = readWorkspace(
    new URL('../../../content/workspace/solution', import.meta.url).pathname,
  );
  const text = (path: string) => solution[path]!.text;

  it('a Dockerfile written with a here-document in the shell is judged, though no editor saved it', async () => {
    const sandbox = createSandbox({
      files: { 'app/main.py': text('app/main.py'), 'requirements.txt': text('requirements.txt') },
    });
    await sandbox.runLine(`cat > Dockerfile <<'EOF'\n${text('Dockerfile')}EOF`);
    expect(sandbox.fs.read('Dockerfile')).toBe(text('Dockerfile'));
    expect(sandbox.transcript().some((e) => e.type === 'file')).toBe(false);
    const transcript = withCurrentFiles(sandbox.transcript(), currentFiles(sandbox.fs));
    expect(
      check('dockerfile-written', { source: 'sandbox', transcript }, { today: '2026-11-28' })
        .status,
    ).toBe('pass');
  });

  it('a first build in the terminal passes first-build; an edit then a rebuild passes cached-rebuild', async () => {
    const sandbox = createSandbox({ files: solution });
    await sandbox.runLine('docker build -t demo-image:latest .');
    const judge = (id: string) =>
      check(id, {
        source: 'sandbox',
        transcript: withCurrentFiles(sandbox.transcript(), currentFiles(sandbox.fs)),
      }).status;
    expect(judge('first-build')).toBe('pass');
    sandbox.fs.write(
      'app/main.py',
      text('app/main.py').replace('Welcome to root', 'Hello from the editor'),
    );
    await sandbox.runLine('docker build -t demo-image:latest .');
    expect(judge('cached-rebuild')).toBe('pass');
  });

  it('treeFromGlob drops keys outside the folder', () => {
    expect(treeFromGlob({ '/content/workspace/a': '1', '/elsewhere/b': '2' })).toEqual({ a: '1' });
  });
});
