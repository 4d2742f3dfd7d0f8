/**
 * The panels say exactly what happened (issue 10 item 7; the learner walkthrough's items 10, 11
 * and 14): every row names its check, a check points at the line it read, a 404 gets a "What to
 * do", a Dockerfile check never passes about something that is not there, the terminal is not
 * called a paste, and a terminal verdict names the command it judged.
 */
import { describe, expect, it } from 'vitest';
import { check, judgedCommand } from '../../../src/core/checkers/index.ts';
import type { SandboxEvent } from '../../../src/core/evidence.ts';
import { codeSpan, inlineCode } from '../../../src/core/inline-code.ts';
import { judgeHttp } from '../../../src/core/checkers/judge/http.ts';
import { fixture } from './fixture.ts';

const paste = (text: string) => ({ source: 'paste' as const, text });
const byId = (v: ReturnType<typeof check>, id: string) => v.checks.find((c) => c.id === id);
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rows that could not be judged say which check they are', () => {
  it('a refused connection: the status and the body rows differ and name themselves', () => {
    const v = check('app-reachable', paste(fixture('lab/curl-refused')));
    const rows = v.checks.filter((c) => c.message.includes('not checked'));
    expect(rows.map((c) => c.message)).toEqual([
      'The status was not checked: there was no answer.',
      'The answer’s body was not checked: there was no answer.',
    ]);
  });
});

describe('the body check points at the body', () => {
  it.each(['lab/curl-i', 'lab/curl-ok'])('%s', (name) => {
    const text = fixture(name);
    const v = check('app-reachable', paste(text));
    expect(byId(v, 'body')).toMatchObject({ ok: true, line: lineOf(text, '"Welcome to root"') });
  });
});

describe('a 404 always gets a "What to do"', () => {
  it('without -i, the body alone says 404: the status check fails and says to ask for /', () => {
    const text = fixture('lab/curl-404-no-i');
    const v = check('app-reachable', paste(`$ curl localhost:8000/nope\n${text}`));
    const status = byId(v, 'status-ok');
    expect(status?.ok).toBe(false);
    expect(status?.message).toContain('404');
    expect(status?.hint).toBe('Ask for the root path: curl -i http://localhost:8000/');
    expect(status?.line).toBe(lineOf(text, 'detail') + 1);
  });

  it('with -i as before', () => {
    const v = check('app-reachable', paste(fixture('lab/curl-404')));
    expect(byId(v, 'status-ok')?.hint).toBe(
      'Ask for the root path: curl -i http://localhost:8000/',
    );
  });
});

// The Dockerfiles below are the learner's own text (the walkthrough's pastes), not Docker output.
const FASTAPI_DOCS_DOCKERFILE = [
  // FastAPI's old "FastAPI in Containers" Dockerfile: no EXPOSE, port 80
  'FROM python:3.14-slim',
  'WORKDIR /code',
  'COPY ./requirements.txt /code/requirements.txt',
  'RUN pip install --no-cache-dir --upgrade -r /code/requirements.txt',
  'COPY ./app /code/app',
  'CMD ["fastapi", "run", "app/main.py", "--port", "80"]',
].join('\n');

const SMART_QUOTES = [
  'FROM python:3.14-slim',
  'WORKDIR /demo',
  'COPY ./requirements.txt /demo/requirements.txt',
  'RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt',
  'COPY ./app /demo/app',
  'EXPOSE 8000',
  'CMD [“uvicorn”, “app.main:app”, “--host”, “0.0.0.0”, “--port”, “8000”]',
].join('\n');

const today = { today: '2026-12-06' };

describe('the Dockerfile check passes nothing that is not there', () => {
  it('no EXPOSE: the port check fails and says to add it, instead of "matches EXPOSE"', () => {
    const v = check('dockerfile-written', paste(FASTAPI_DOCS_DOCKERFILE), today);
    const port = byId(v, 'port');
    expect(port?.ok).toBe(false);
    expect(port?.message).not.toContain('matches');
    expect(port?.hint).toContain('EXPOSE 80');
  });

  it('smart quotes: no exec-form ✓ and no ✓ about a server that never starts', () => {
    const v = check('dockerfile-written', paste(SMART_QUOTES), today);
    expect(byId(v, 'instructions')?.ok).toBe(false);
    for (const id of ['start-command', 'listens-on-all-interfaces', 'no-reload', 'port']) {
      expect(byId(v, id)).toMatchObject({ ok: false });
      expect(byId(v, id)?.message).toContain('not valid JSON');
    }
    expect(v.checks.some((c) => c.ok && c.message.includes('exec form'))).toBe(false);
  });

  it("the course's own Dockerfile still passes every check", () => {
    const fixed = SMART_QUOTES.replace(/[“”]/g, '"');
    const v = check('dockerfile-written', paste(fixed), today);
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    expect(byId(v, 'port')?.message).toBe("The server's port 8000 matches EXPOSE 8000.");
  });
});

const command = (line: string, output: string): SandboxEvent => ({
  type: 'command',
  command: line,
  output,
  exitCode: 0,
  cwd: '/home/learner/demo',
});

describe('the in-browser terminal is not a paste', () => {
  it('before anything ran: "Nothing has run in the terminal yet"', () => {
    const v = check('container-running', { source: 'sandbox', transcript: [] });
    expect(v.status).toBe('unrecognized');
    expect(v.checks[0]?.message).toMatch(/^Nothing has run in the terminal yet\./);
    expect(v.checks[0]?.message).not.toContain('paste');
  });

  it('the verdict names the docker ps it judged and the commands run after it', () => {
    const ps = fixture('lab/ps-exposed');
    const transcript = [
      command('docker ps', ps),
      command('docker rm -f demo', 'demo\n'),
      command('docker run -d --name demo -p 8000:8000 demo-image', 'f00\n'),
    ];
    const v = check('container-running', { source: 'sandbox', transcript });
    expect(judgedCommand(transcript, v)).toBe(
      'Judged from `docker ps`; after it you ran `docker rm -f demo` and `docker run -d --name demo -p 8000:8000 demo-image`: run it again to see what changed.',
    );
    expect(judgedCommand(transcript.slice(0, 1), v)).toBe(
      'Judged from the terminal’s last command, `docker ps`.',
    );
  });
});

describe('a step cut at the terminal width is named with an ellipsis', () => {
  it('lab/build-app-edit-tty-80 (BuildKit at 80 columns)', () => {
    const v = check('cached-rebuild', paste(fixture('lab/build-app-edit-tty-80')));
    expect(byId(v, 'install-cached')?.message).toMatch(
      /^\[4\/5\] RUN pip install --no-cache-dir --upgrade -r \/demo\/requir… came from the cache/,
    );
    expect(byId(v, 'source-rebuilt')?.message).toMatch(/^\[5\/5\] COPY \.\/app \/demo\/app (?!…)/);
  });

  it('a build at 120 columns names the step in full', () => {
    const v = check('cached-rebuild', paste(fixture('lab/build-cached-tty-120')));
    expect(byId(v, 'install-cached')?.message).toContain('/demo/requirements.txt came from');
  });
});

describe('codeSpan', () => {
  it.each(['docker ps', 'echo `date`', '`x`', 'a``b'])('%s reads back as one code piece', (t) => {
    expect(inlineCode(codeSpan(t))).toEqual([{ code: true, text: t }]);
  });
});

// Walkthrough 4: lesson 4's app runs straight on the machine, with no container to rebuild.
describe('a wrong body says how a change reaches the app where it runs', () => {
  const seen = { ok: true, exitCode: 0, status: 200, body: '{"message":"hi"}', error: null };
  it.each([
    ['host', /uvicorn --reload picks up a saved change/, /container|image/],
    ['container', /rebuild the image and run a new container/, /--reload/],
  ] as const)('run on the %s', (setting, says, never) => {
    const body = judgeHttp(seen, setting).find((c) => c.id === 'body')!;
    expect(body.ok).toBe(false);
    expect(body.hint).toMatch(says);
    expect(body.hint).not.toMatch(never);
  });
});

// Walkthrough 4 as a raw pty recording (lab/session-curl-glued-zsh): zsh wraps every command line in
// keypad-mode escapes (ESC[?1l ESC> ESC[?2004l), which are not part of the URL curl asked.
describe('the URL is read as the terminal showed the command', () => {
  it('drops zsh’s escape sequences after the command line', () => {
    const v = check('demo-app-runs', {
      source: 'paste',
      text: fixture('lab/session-curl-glued-zsh'),
    });
    expect(v.checks.find((c) => c.id === 'connected')?.message).toBe(
      'curl got an answer from http://localhost:8483/.',
    );
  });
});
