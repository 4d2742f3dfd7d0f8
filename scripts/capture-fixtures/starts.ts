/**
 * Containers that fail after they start, on their own and under Compose: CRLF in an entrypoint
 * script, a script with no #! line (exec format error), a venv copied from a build stage whose
 * scripts' #! still points at the build stage's path, and a shell-form CMD naming a program the
 * image lacks. Engine 28.5, compose 2.40; images and the compose project are named parser-*.
 */
import { capture, sh } from './lab.ts';
import { buildDemo } from './sessions.ts';
import { workspace } from './workspace.ts';

const IMAGES: Record<string, string> = {
  'parser-crlf':
    'FROM parser-demo\nCOPY start.sh /demo/start.sh\nRUN chmod +x /demo/start.sh\nENTRYPOINT ["/demo/start.sh"]\n',
  'parser-noshebang':
    'FROM parser-demo\nCOPY plain.sh /demo/start.sh\nRUN chmod +x /demo/start.sh\nENTRYPOINT ["/demo/start.sh"]\n',
  // The lab's images have no ensurepip (PyPI is unreachable): the venv gets one console script
  // written as pip writes them, its #! naming the build stage's interpreter.
  'parser-venv':
    'FROM python:3.13-slim AS build\nRUN python -m venv --without-pip /build/.venv && printf "#!/build/.venv/bin/python\\nimport sys\\nprint(sys.prefix)\\n" > /build/.venv/bin/uvicorn && chmod +x /build/.venv/bin/uvicorn\n\nFROM python:3.13-slim\nCOPY --from=build /build/.venv /app/.venv\nCMD ["/app/.venv/bin/uvicorn"]\n',
  'parser-venv-shell': 'FROM parser-venv\nCMD /app/.venv/bin/uvicorn\n',
  'parser-no-uvicorn':
    // pip cannot uninstall from the stand-in image (its packages are not pip's to remove): the
    // program is deleted instead, which is what the shell then fails to find.
    'FROM parser-demo\nRUN rm "$(command -v uvicorn)"\nCMD uvicorn app.main:app --host 0.0.0.0 --port 8000\n',
};

const COMPOSE = `services:
  crlf:
    image: parser-crlf
  noshebang:
    image: parser-noshebang
  venv:
    image: parser-venv
  nouvicorn:
    image: parser-no-uvicorn
`;

export function captureStarts(): void {
  buildDemo();
  const w = workspace(false);
  w.write('start.sh', '#!/bin/sh\r\nexec uvicorn app.main:app --host 0.0.0.0 --port 8000\r\n');
  w.write('plain.sh', 'exec uvicorn app.main:app --host 0.0.0.0 --port 8000\n');
  w.write('compose.yaml', COMPOSE);
  const setup = (tag: string) => `${tag}:\n${IMAGES[tag]}`;
  try {
    for (const [tag, dockerfile] of Object.entries(IMAGES)) {
      w.write(`Dockerfile.${tag}`, dockerfile);
      const r = sh(`docker build -q -f Dockerfile.${tag} -t ${tag} .`, w.dir);
      if (r.code !== 0) throw new Error(`${tag}: ${r.out}`);
    }
    const setups = {
      'run-crlf-entrypoint-28': 'parser-crlf',
      'run-no-shebang-28': 'parser-noshebang',
      'run-venv-shebang': 'parser-venv',
      'run-venv-shebang-shell-form': 'parser-venv-shell',
      'run-uvicorn-not-found-shell-form': 'parser-no-uvicorn',
    };
    for (const [name, tag] of Object.entries(setups))
      capture({ name, command: `docker run --rm ${tag}`, setup: setup(tag), cwd: w.dir });
    for (const service of ['crlf', 'noshebang', 'venv', 'nouvicorn']) {
      const tag = service === 'nouvicorn' ? 'parser-no-uvicorn' : `parser-${service}`;
      capture({
        name: `compose-up-${service}`,
        command: `docker compose -p parser-fx up ${service}`,
        cwd: w.dir,
        setup: `compose.yaml:\n${COMPOSE}\n${setup(tag)}`,
        note: 'attached, the way docker compose up runs by default; it returns once the container exited',
      });
    }
    capture({
      name: 'compose-logs-failed-services',
      command: 'docker compose -p parser-fx logs',
      cwd: w.dir,
      setup: `after the four docker compose up above; compose.yaml:\n${COMPOSE}`,
    });
  } finally {
    sh('docker compose -p parser-fx down --remove-orphans >/dev/null', w.dir);
    sh(`docker rmi ${Object.keys(IMAGES).reverse().join(' ')} >/dev/null`);
  }
}
