/**
 * `docker run -it IMAGE bash|sh` at the terminal (the recorded scenarios have none: scenario 75
 * covers -i with piped input and -dit). Held to the lab's recording,
 * tests/fixtures/sandbox/real/engine-28/run-it-bash.txt and run-it-sh.txt: the prompt names the new
 * container by its 12-digit ID in its WORKDIR, `hostname` is that ID, `exit 3` says `exit` and
 * leaves the container Exited (3) with COMMAND "bash"; dash prompts `# `.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { curlSeenOn, demoSandbox, screen } from './helpers.ts';
import { stripAnsi } from '../../../src/core/text/index.ts';

usePython();

const PROMPT = 'learner@layerwise:~/demo$ ';
const real = (name: string) =>
  readFileSync(new URL(`../../fixtures/sandbox/real/engine-28/${name}`, import.meta.url), 'utf8');

async function built() {
  const t = demoSandbox();
  await t.run('docker build -q -t demo-image .');
  const s = screen((l) => t.sandbox.onOutput(l));
  await s.waitFor(PROMPT, 5000, 'at-end');
  return { ...t, s };
}

describe('docker run -it with a shell', () => {
  it('bash: the prompt, hostname, pwd and whoami as the lab printed them; exit 3 ends the container', async () => {
    const recorded = real('run-it-bash.txt');
    const id = /root@([0-9a-f]{12}):\/demo# hostname/.exec(stripAnsi(recorded))![1]!;
    // The lab's answers, in order, with its container ID as a placeholder.
    const answers = stripAnsi(recorded)
      .split('\n')
      .filter((l) => /^(root@|[0-9a-f]{12}$|\/demo$|root$|exit$)/.test(l))
      .map((l) => l.replaceAll(id, '<id>'));
    const { sandbox, s } = await built();
    s.clear();
    sandbox.write('docker run -it --name shell demo-image bash\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    for (const line of ['hostname', 'pwd', 'whoami', 'exit 3']) {
      sandbox.write(`${line}\r`);
      await s.waitFor(line === 'exit 3' ? PROMPT : '# ', 5000, 'at-end');
    }
    const ours = /root@([0-9a-f]{12}):/.exec(stripAnsi(s.text))![1]!;
    // Each row as the screen ends up showing it: the line editor redraws a row after a carriage return.
    const lines = stripAnsi(s.text)
      .split('\n')
      .map((row) => row.replace(/\r$/, '').split('\r').at(-1)!)
      .filter((l) => /^(root@|[0-9a-f]{12}$|\/demo$|root$|exit$)/.test(l))
      .map((l) => l.replaceAll(ours, '<id>'));
    expect(lines).toEqual(answers);
    const ps = await (async () => {
      const other = sandbox.openTerminal();
      const o = screen((l) => other.onOutput(l));
      other.write('docker ps -a --filter name=shell --format "{{.Status}}|{{.Command}}"\r');
      await o.waitFor('|"bash"', 5000);
      return stripAnsi(o.text);
    })();
    // The typed commands took the simulated clock a second on: the lab's was quicker.
    expect(recorded).toContain('Exited (3) Less than a second ago|"bash"');
    expect(ps).toMatch(/Exited \(3\) (Less than a second|1 second) ago\|"bash"/);
    sandbox.write('echo $?\r');
    await s.waitFor(`3\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.dispose();
  });

  it('sh --rm: dash prompts "# ", ls lists the project, exit removes the container', async () => {
    const recorded = stripAnsi(real('run-it-sh.txt'));
    expect(recorded).toContain('# app  requirements.txt');
    const { sandbox, s, run } = await built();
    sandbox.write('docker run -it --rm demo-image sh\r');
    await s.waitFor('\r\n# ', 5000, 'at-end');
    sandbox.write('ls\r');
    await s.waitFor('app  requirements.txt\r\n# ', 5000, 'at-end');
    sandbox.write('exit\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect((await run('docker ps -aq')).output).toBe('');
    sandbox.dispose();
  });

  it('a docker stop from another terminal ends the shell: docker run returns 137', async () => {
    const { sandbox, s } = await built();
    sandbox.write('docker run -it --name shell demo-image bash\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    const other = sandbox.openTerminal();
    const o = screen((l) => other.onOutput(l));
    other.write('docker ps --format "{{.Names}} {{.Status}}"\r');
    await o.waitFor('shell Up', 5000);
    other.write('docker stop shell\r');
    await o.waitFor('shell\r\n', 5000);
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('echo $?\r');
    await s.waitFor(`137\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.dispose();
  });

  it("Ctrl+D leaves it, and leaves Python's prompt (python-prompt.test.ts); --rm leaves no container", async () => {
    const { sandbox, s, run } = await built();
    sandbox.write('docker run -it --rm demo-image bash\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    sandbox.write('\x04');
    await s.waitFor(PROMPT, 5000, 'at-end');
    s.clear();
    sandbox.write('docker run -it --rm demo-image python\r');
    await s.waitFor('>>> ', 60_000, 'at-end');
    sandbox.write('\x04');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(stripAnsi(s.text)).toContain('Python 3.14.8');
    expect((await run('docker ps -aq')).output).toBe('');
    sandbox.dispose();
  });

  it('docker attach joins a -dit shell; exit 5 ends it; attach then refuses; start -ai starts a new one (attach-held.txt)', async () => {
    const recorded = stripAnsi(real('attach-held.txt'));
    const { sandbox, s, run } = await built();
    await run('docker run -dit --name held demo-image bash');
    sandbox.write('docker attach held\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    sandbox.write('cd app\r');
    await s.waitFor(':/demo/app# ', 5000, 'at-end');
    sandbox.write('pwd\r');
    await s.waitFor('/demo/app\r\n', 5000);
    expect(recorded).toContain('\n/demo/app\n');
    sandbox.write('exit 5\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(recorded).toContain(
      '[exit 5]\n$ docker ps -a --format "{{.Names}} {{.Status}}"\nheld Exited (5)',
    );
    expect((await run('docker ps -a --format "{{.Names}} {{.Status}}"')).output).toMatch(
      /^held Exited \(5\) /,
    );
    const refused = await run('docker attach held');
    expect(recorded).toContain(`$ docker attach held\n${refused.output}[exit ${refused.exitCode}]`);
    expect(refused.exitCode).toBe(1);
    s.clear();
    sandbox.write('docker start -ai held\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    sandbox.write('exit 2\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(stripAnsi(s.text)).toMatch(/root@[0-9a-f]{12}:\/demo# exit 2\r\nexit\r\n/);
    expect(recorded).toMatch(/root@[0-9a-f]{12}:\/demo# exit 2\nexit\n\[exit 2\]/);
    sandbox.dispose();
  });

  it('docker attach to a server follows its output until Ctrl+C, which stops it', async () => {
    const { sandbox, s, run } = await built();
    await run('docker run -d -p 8000:8000 --name web demo-image');
    sandbox.write('docker attach web\r');
    await curlSeenOn(sandbox, s);
    sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(stripAnsi(s.text)).toContain('Shutting down');
    expect((await run('docker ps -q')).output).toBe('');
    sandbox.dispose();
  });

  it('Ctrl+P Ctrl+Q detaches docker run -it quietly (status 0, Up); attach finds the shell where it was left and detaches with "read escape sequence" (status 1); exit 3 ends it (detach-*.txt)', async () => {
    const run_ = stripAnsi(real('detach-run-it.txt'));
    const attach = stripAnsi(real('detach-attach.txt'));
    const exited = stripAnsi(real('attach-exit-after-detach.txt'));
    expect(run_).toMatch(/hi\r?\n\r?root@[0-9a-f]{12}:\/demo# rc=0\ndt Up 1 second/);
    expect(attach).toMatch(/\/demo\r?\n\r?\s*read escape sequence\r?\nrc=1/);
    expect(exited).toMatch(/exit\r?\nrc=3\ndt Exited \(3\)/);
    const { sandbox, s, run } = await built();
    sandbox.write('docker run -it --name dt demo-image bash\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    sandbox.write('cd app\r');
    await s.waitFor(':/demo/app# ', 5000, 'at-end');
    sandbox.write('\x10\x11');
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('echo $?\r');
    await s.waitFor(`0\r\n${PROMPT}`, 5000, 'at-end');
    expect((await run('docker ps --format "{{.Names}} {{.Status}}"')).output).toMatch(/^dt Up /);
    s.clear();
    sandbox.write('docker attach dt\r');
    // the shell as it was left: still in /demo/app
    await s.waitFor(':/demo/app# ', 5000, 'at-end');
    sandbox.write('pwd\r');
    await s.waitFor('/demo/app\r\n', 5000);
    sandbox.write('\x10\x11');
    await s.waitFor(`read escape sequence\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.write('echo $?\r');
    await s.waitFor(`1\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.write('docker attach dt\r');
    await s.waitFor(':/demo/app# ', 5000, 'at-end');
    sandbox.write('exit 3\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect((await run('docker ps -a --format "{{.Names}} {{.Status}}"')).output).toMatch(
      /^dt Exited \(3\) /,
    );
    sandbox.dispose();
  });

  it('Ctrl+P then another key is both keys (Ctrl+P: the previous command); docker start -ai detaches quietly (detach-start-ai.txt)', async () => {
    expect(stripAnsi(real('detach-start-ai.txt'))).toMatch(/:\/demo\/app# rc=0\ndt Up/);
    const { sandbox, s, run } = await built();
    await run('docker run -dit --name dt demo-image bash', 'docker stop -t 1 dt');
    sandbox.write('docker start -ai dt\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    sandbox.write('echo one\r');
    await s.waitFor('one\r\n', 5000);
    await s.waitFor('# ', 5000, 'at-end');
    s.clear();
    sandbox.write('\x10\r');
    await s.waitFor('one\r\n', 5000);
    sandbox.write('\x10\x11');
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('echo $?\r');
    await s.waitFor(`0\r\n${PROMPT}`, 5000, 'at-end');
    expect((await run('docker ps --format "{{.Names}} {{.Status}}"')).output).toMatch(/^dt Up /);
    sandbox.dispose();
  });

  it('docker logs of a -it container is what its terminal showed: prompts, typed lines, output (logs-of-it-container.txt)', async () => {
    const recorded = stripAnsi(real('logs-of-it-container.txt'));
    expect(recorded).toMatch(/root@[0-9a-f]{12}:\/demo# echo hi\r?\n\r?hi/);
    const { sandbox, s, run } = await built();
    sandbox.write('docker run -it --name dt demo-image bash\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    sandbox.write('echo hi\r');
    await s.waitFor('hi\r\n', 5000);
    await s.waitFor('# ', 5000, 'at-end');
    sandbox.write('exit 3\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    const logs = stripAnsi((await run('docker logs dt')).output);
    expect(logs).toMatch(/root@[0-9a-f]{12}:\/demo# echo hi\r?\n\r?hi\r?\n/);
    expect(logs).toContain('exit 3');
    sandbox.dispose();
  });
});
