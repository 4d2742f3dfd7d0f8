/**
 * What the sandbox's shell does that a recording of bash cannot show: the learner's account, the
 * terminal after `exit`, command substitution feeding docker,
 * and the one "not simulated" line for what it lacks.
 */
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../src/core/sandbox/index.ts';
import { demoSandbox, screen } from './helpers.ts';

const PROMPT = 'learner@layerwise:~/demo$ ';

/** [what, lines run in order, expected output of the last line, expected exit code] */
const CASES: [string, string[], string, number][] = [
  ['whoami is the learner', ['whoami'], 'learner\n', 0],
  [
    'id: the learner, in sudo and docker',
    ['id'],
    'uid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo),999(docker)\n',
    0,
  ],
  ['$HOME and ~', ['echo $HOME ~'], '/home/learner /home/learner\n', 0],
  [
    'ls -l shows the learner as owner',
    ['touch f', 'ls -l f'],
    '-rw-r--r-- 1 learner learner 0 Nov 27 09:00 f\n',
    0,
  ],
  [
    "files outside home are root's",
    ['ls -ld /etc /tmp'],
    'drwxr-xr-x 2 root root 4096 Nov 27 09:00 /etc\ndrwxrwxrwt 2 root root 4096 Nov 27 09:00 /tmp\n',
    0,
  ],
  [
    'the learner may not write /etc',
    ['echo x > /etc/hosts'],
    'bash: /etc/hosts: Permission denied\n',
    1,
  ],
  [
    'the learner may not read /root',
    ['ls /root'],
    "ls: cannot open directory '/root': Permission denied\n",
    2,
  ],
  ['cd into /root is refused', ['cd /root'], 'bash: cd: /root: Permission denied\n', 1],
  [
    '$(…) feeds docker: rm -f every container',
    [
      'docker build -q -t demo-image . > /dev/null',
      'docker run -d --name c1 demo-image true > /dev/null',
      'docker run -d --name c2 demo-image true > /dev/null',
      'docker rm -f $(docker ps -aq) | wc -l',
      'docker ps -aq | wc -l',
    ],
    '0\n',
    0,
  ],
  [
    '$(…) in an assignment then used',
    [
      'docker build -q -t demo-image . > /dev/null',
      'ID=$(docker images -q demo-image)',
      'test -n "$ID" && echo has-id',
    ],
    'has-id\n',
    0,
  ],
  ['sleep moves the clock, not the test', ['sleep 90', 'echo done'], 'done\n', 0],
  ['exit in a subshell leaves the shell running', ['(exit 5); echo $?'], '5\n', 0],
  ['bash -c with its own exit', ["bash -c 'exit 7'; echo $?"], '7\n', 0],
  [
    'a select loop is refused in one line',
    ['select x in a b; do echo $x; done'],
    'select loops: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    2,
  ],
  [
    'case is refused',
    ['case y in y) echo y;; esac'],
    'case: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    2,
  ],
  [
    'a function is refused',
    ['f() { echo hi; }'],
    'shell functions: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    2,
  ],
  [
    '[[ is refused, pointing to [',
    ['[[ -f Dockerfile ]]'],
    '[[ … ]] tests: not simulated in this browser terminal; use [ … ] (test), which the sandbox has.\n',
    2,
  ],
  [
    'a case change in ${…} is refused',
    ['x=a; echo ${x^^}'],
    '${x^^}: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    2,
  ],
  [
    'process substitution is refused',
    ['diff <(ls) <(ls)'],
    '<(…): not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    2,
  ],
  [
    'nothing of a refused line runs',
    ['echo before; case y in y) touch made;; esac', 'ls made'],
    "ls: cannot access 'made': No such file or directory\n",
    2,
  ],
  [
    "bash's builtins it does not run are named, not unknown",
    ['read name', 'set -e'],
    'set: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    2,
  ],
  [
    'a nested interactive shell is refused',
    ['bash'],
    "bash: not simulated in this browser terminal; use bash -c '…' or run the commands here.\n",
    2,
  ],
  [
    'sudo is named, not unknown',
    ['sudo docker ps'],
    'sudo: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    127,
  ],
  [
    'useradd is not on the laptop',
    ['useradd app'],
    'useradd: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
    127,
  ],
];

describe('the sandbox shell', () => {
  it.each(CASES)('%s', async (_, lines, output, exitCode) => {
    const { run } = demoSandbox();
    expect(await run(...lines)).toEqual({ output, exitCode });
  });

  it('after exit the terminal says so and a new shell starts at home in the project', async () => {
    const { sandbox } = demoSandbox();
    const s = screen((l) => sandbox.onOutput(l));
    sandbox.write('cd app && export X=1\r');
    await s.waitFor('~/demo/app$ ', 2000, 'at-end');
    s.clear();
    sandbox.write('exit\r');
    await s.waitFor(`\r\n${PROMPT}`, 2000, 'at-end');
    expect(
      stripAnsi(s.text).endsWith(
        `exit\r\nexit\r\n[the shell exited; a new one started in ~/demo]\r\n${PROMPT}`,
      ),
    ).toBe(true);
    s.clear();
    sandbox.write('echo "[$X]" && history | tail -1\r');
    await s.waitFor(`\r\n${PROMPT}`, 2000, 'at-end');
    expect(stripAnsi(s.text)).toContain('\r\n[]\r\n');
  });
});
