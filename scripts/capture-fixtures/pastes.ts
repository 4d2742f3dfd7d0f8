/**
 * Pastes as learners make them: real fixtures of lab/ joined with prompt lines in the forms public
 * terminal sessions show (sources in each meta), Markdown fences, Windows line endings.
 *   npx tsx scripts/capture-fixtures/pastes.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './lab.ts';

const lab = (name: string) =>
  readFileSync(join(FIXTURES, 'lab', `${name}.txt`), 'utf8').replace(/\n$/, '');

const PROMPTS = {
  bash: {
    prompt: 'ubuntu@ip-172-31-82-241:~$ ',
    source: 'https://github.com/QT-DevOps/DevOpsIssues/issues/82',
  },
  ohmyzsh: { prompt: '➜  ~ ', source: 'https://github.com/docker/for-mac/issues/1114' },
  cmd: {
    prompt: 'D:\\AI\\memobase\\src\\server>',
    source: 'https://github.com/memodb-io/memobase/issues/72',
  },
  powershell: {
    prompt: 'PS C:\\Windows\\system32> ',
    source: 'https://github.com/docker/for-win/issues/2685',
  },
  dollar: { prompt: '$ ', source: 'https://github.com/huggingface/OpenEnv/issues/244' },
} as const;

type Piece = { typed: string; output: string } | { raw: string };

interface Paste {
  name: string;
  prompt: keyof typeof PROMPTS;
  /** a prefix before the prompt, as a Python virtualenv adds */
  venv?: string;
  pieces: Piece[];
  crlf?: boolean;
  note: string;
}

const PASTES: Paste[] = [
  {
    name: 'bash-build-then-images',
    prompt: 'bash',
    pieces: [
      {
        typed: 'docker build --progress=plain -t demo-image .',
        output: lab('build-app-edit-plain'),
      },
      { typed: 'docker images', output: lab('images') },
      { raw: PROMPTS.bash.prompt },
    ],
    note: 'lab/build-app-edit-plain and lab/images after bash prompts, with a last empty prompt',
  },
  {
    name: 'ohmyzsh-run-ps-curl',
    prompt: 'ohmyzsh',
    pieces: [
      {
        typed: 'docker run -d -p 8000:8000 --name fx-dup demo-image',
        output: lab('run-port-allocated'),
      },
      { typed: 'docker ps --filter name=fx-web', output: lab('ps-published') },
      { typed: 'curl localhost:8000', output: lab('curl-ok') },
      { raw: PROMPTS.ohmyzsh.prompt },
    ],
    note: 'lab/run-port-allocated, lab/ps-published and lab/curl-ok after oh-my-zsh prompts',
  },
  {
    name: 'powershell-fenced-crlf',
    prompt: 'powershell',
    crlf: true,
    pieces: [
      { raw: '```powershell' },
      { typed: 'docker run -p 18145:8000 --name fx-fg demo-image', output: lab('run-foreground') },
      { raw: '```' },
    ],
    note: 'lab/run-foreground after a PowerShell prompt, inside a Markdown fence, with Windows line endings (\\r\\n)',
  },
  {
    name: 'venv-logs-then-curl-reset',
    prompt: 'dollar',
    venv: '(.venv) ',
    pieces: [
      { typed: 'docker logs fx-loopback-app', output: lab('logs-uvicorn-loopback') },
      { typed: 'curl localhost:18140', output: lab('curl-reset') },
    ],
    note: 'lab/logs-uvicorn-loopback and lab/curl-reset after a $ prompt with a (.venv) prefix as Python virtualenvs add',
  },
  {
    name: 'cmd-tty-build-failed',
    prompt: 'cmd',
    pieces: [{ typed: 'docker build -t demo-image .', output: lab('build-run-failed-tty-80') }],
    note: 'lab/build-run-failed-tty-80 (raw pseudo-terminal bytes: colours and cursor-up redraws) after a cmd.exe prompt',
  },
  {
    name: 'typed-commands-no-prompt',
    prompt: 'dollar',
    pieces: [
      { raw: 'docker history demo-image' },
      { raw: lab('history-buildkit') },
      { raw: '' },
      { raw: 'docker ps -a --filter name=fx-' },
      { raw: lab('ps-a') },
    ],
    note: 'lab/history-buildkit and lab/ps-a, each after its typed command without a prompt, a blank line between',
  },
];

for (const p of PASTES) {
  const { prompt, source } = PROMPTS[p.prompt];
  const text = p.pieces
    .map((piece) =>
      'raw' in piece ? piece.raw : `${p.venv ?? ''}${prompt}${piece.typed}\n${piece.output}`,
    )
    .join('\n');
  const body = `${text}\n`;
  writeFileSync(
    join(FIXTURES, 'pastes', `${p.name}.txt`),
    p.crlf ? body.replaceAll('\n', '\r\n') : body,
  );
  const meta = {
    source: `composed by scripts/capture-fixtures/pastes.ts from real fixtures; prompt form from ${source}`,
    note: p.note,
  };
  writeFileSync(
    join(FIXTURES, 'pastes', `${p.name}.meta.json`),
    `${JSON.stringify(meta, null, 2)}\n`,
  );
  console.log(`composed ${p.name}`);
}
