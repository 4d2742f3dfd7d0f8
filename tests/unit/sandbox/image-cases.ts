/**
 * What a Dockerfile's RUN steps and `docker exec` do with the tools of `python:3.14-slim`:
 * recorded on the lab's engine by tests/fixtures/sandbox/real/shell/record-image.ts (one container
 * per case; each step is `docker exec [-u USER] C /bin/sh -c LINE`, as a RUN step runs it) into
 * image-tools.json, then replayed on the simulated image by image-tools.test.ts.
 */
export interface ImageCase {
  name: string;
  /** lines run in order; `user` as `docker exec -u` (a Dockerfile's USER) */
  steps: { line: string; user?: string }[];
}

const root = (...lines: string[]) => lines.map((line) => ({ line }));
const as = (user: string, ...lines: string[]) => lines.map((line) => ({ line, user }));

export const IMAGE_CASES: ImageCase[] = [
  {
    name: 'the image: os-release, python and pip',
    steps: root('cat /etc/os-release', 'python --version', 'python3 --version', 'pip --version'),
  },
  {
    name: 'the image: users and groups',
    steps: root('cat /etc/passwd', 'cat /etc/group', 'whoami', 'id', 'echo $HOME'),
  },
  {
    name: 'the image: environment',
    steps: root('printenv PATH', 'printenv HOME', 'printenv NOPE; echo $?', 'env | grep -c PATH'),
  },
  {
    name: 'the image: tools found and missing',
    steps: root(
      'command -v useradd groupadd chown whoami id printenv python pip',
      'adduser --disabled-password --gecos "" app',
      'curl -s localhost',
      'sudo id',
      'wget -q x',
    ),
  },
  {
    name: 'the image: modes and owners of its directories',
    steps: root('ls -ld / /root /tmp /home /etc /usr/local', 'ls -l /etc/passwd /etc/group'),
  },
  {
    name: 'useradd -m -u, as the next-steps lesson does',
    steps: root(
      'useradd --create-home --uid 10001 app',
      'tail -n 1 /etc/passwd',
      'tail -n 1 /etc/group',
      'ls -la /home/app',
      'ls -l /home',
      'id app',
      'grep app /etc/shadow | cut -d: -f1,2',
    ),
  },
  {
    name: 'useradd without -m has no home',
    steps: root('useradd app', 'grep ^app: /etc/passwd', 'ls /home', 'id app'),
  },
  { name: 'useradd of an existing user', steps: root('useradd app', 'useradd app', 'echo $?') },
  {
    name: 'useradd --system and -r',
    steps: root(
      'useradd --system svc',
      'useradd -r -s /usr/sbin/nologin svc2',
      'tail -n 2 /etc/passwd',
      'tail -n 2 /etc/group',
      'ls /home',
    ),
  },
  {
    name: 'useradd -s -u -m with a shell',
    steps: root('useradd -m -s /bin/bash -u 2000 bob', 'grep ^bob: /etc/passwd', 'ls -A /home/bob'),
  },
  {
    name: 'groupadd, then useradd -g and -G',
    steps: root(
      'groupadd -g 3000 team',
      'useradd -g team -G users carol',
      'id carol',
      'grep -E "^(team|users|carol):" /etc/group',
      'grep ^carol: /etc/passwd',
    ),
  },
  {
    name: 'groupadd errors and --system',
    steps: root(
      'groupadd team',
      'groupadd team',
      'echo $?',
      'groupadd -f team; echo $?',
      'groupadd -r sysg',
      'tail -n 2 /etc/group',
      'groupadd; echo $?',
    ),
  },
  {
    name: 'useradd errors',
    steps: root(
      'useradd; echo $?',
      'useradd -g nosuch x; echo $?',
      'useradd -u abc x; echo $?',
      'useradd -u 0 y; echo $?',
      "useradd 'Bad Name'; echo $?",
      'useradd -u 1 z; echo $?',
    ),
  },
  {
    name: 'user ids count up from 1000',
    steps: root(
      'useradd a1',
      'useradd a2',
      'groupadd g3',
      'useradd a4',
      'tail -n 3 /etc/passwd',
      'tail -n 4 /etc/group',
    ),
  },
  {
    name: 'adduser is not in the image',
    steps: root('adduser --disabled-password --gecos "" app', 'adduser --system --group app'),
  },
  {
    name: 'chown user:group, -R, and its errors',
    steps: root(
      'useradd app',
      'mkdir -p /data/sub',
      'touch /data/sub/f /data/g',
      'chown -R app:app /data',
      'ls -ln /data',
      'ls -l /data/sub',
      'chown root /data/g',
      'chown :app /data/g',
      'chown app: /data/sub/f',
      'ls -l /data /data/sub',
      'chown nosuch /data; echo $?',
      'chown app:nosuch /data; echo $?',
      'chown app /missing; echo $?',
      'chown; echo $?',
      'chown app; echo $?',
    ),
  },
  {
    name: 'chmod and mkdir -p',
    steps: root(
      'mkdir -p /a/b/c',
      'mkdir /a; echo $?',
      'chmod 700 /a',
      'chmod u+x,go-r /a/b',
      'ls -ld /a /a/b',
      'chmod 999 /a; echo $?',
    ),
  },
  {
    name: 'a non-root user: who it is',
    steps: [
      ...root('useradd --create-home --uid 10001 app'),
      ...as(
        'app',
        'whoami',
        'id',
        'id -u',
        'id -g',
        'id -un',
        'id -G',
        'echo $HOME',
        'printenv HOME',
        'pwd',
        'cd && pwd',
      ),
    ],
  },
  {
    name: 'a non-root user: permission errors',
    steps: [
      ...root('useradd --create-home --uid 10001 app', 'mkdir /demo'),
      ...as(
        'app',
        'touch /demo/x',
        'mkdir /demo/y',
        'echo hi > /demo/z',
        'rm /etc/passwd',
        'cat /etc/shadow',
        'ls /root',
        'cd /root',
        'useradd eve',
        'chown app /etc/passwd',
        'chmod 777 /etc/passwd',
        'mv /etc/passwd /tmp/',
        'echo ok > /tmp/ok && ls -l /tmp/ok',
        'mkdir -p /home/app/a/b && ls -ld /home/app/a',
        'touch /etc/x',
        'mkdir -p /srv/x/y',
      ),
    ],
  },
  {
    name: 'a uid with no passwd entry',
    steps: as('1234', 'whoami', 'id', 'echo $HOME', 'touch /x'),
  },
  {
    name: 'user:group and uid:gid',
    steps: [
      ...root('useradd -u 10001 app'),
      ...as('app:users', 'id'),
      ...as('10001:10001', 'id', 'whoami'),
    ],
  },
  {
    name: 'dash builtins: echo, test, type',
    steps: root(
      "echo -e 'a\\tb'",
      'echo -n x; echo y',
      'type ls cd',
      'type nosuch; echo $?',
      '[ 1 -eq a ]; echo $?',
      '[ a = a ] && echo same',
      'test -d /tmp && echo dir',
    ),
  },
  {
    name: 'dash: $(…), exit and not found',
    steps: root(
      'echo "$(whoami) in $(pwd)"',
      'exit 3',
      'nosuch; echo $?',
      'seq 2',
      'sleep 0 && echo slept',
    ),
  },
];
