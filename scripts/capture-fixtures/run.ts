/**
 * Containers of the course image in every PORTS form, the run errors this lab can produce,
 * container logs (uvicorn on 0.0.0.0 and on 127.0.0.1, import errors, a traceback) and curl.
 */
import { capture, sh, waitFor } from './lab.ts';
import { removeContainers, withDemoImage, workspace } from './workspace.ts';

const answers = (port: number) => sh(`curl -s -o /dev/null http://localhost:${port}/`).code === 0;
const logged = (name: string, text: string) => sh(`docker logs ${name}`).out.includes(text);

/** Tiny servers in the course image, to get curl's (52) and (28) from a real socket. */
const CLOSE_SERVER = `import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("0.0.0.0", 8000)); s.listen()
print("listening", flush=True)
while True:
    c, _ = s.accept(); c.recv(65536); c.close()`;
const SILENT_SERVER = `import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("0.0.0.0", 8000)); s.listen()
print("listening", flush=True)
time.sleep(3600)`;

const IMAGES: Record<string, string> = {
  'fx-shell-cmd': 'FROM demo-image\nCMD uvicornx app.main:app --host 0.0.0.0 --port 8000\n',
  'fx-crlf':
    'FROM demo-image\nCOPY start.sh /demo/start.sh\nRUN chmod +x /demo/start.sh\nENTRYPOINT ["/demo/start.sh"]\n',
  'fx-no-shebang':
    'FROM demo-image\nCOPY plain.sh /demo/start.sh\nRUN chmod +x /demo/start.sh\nENTRYPOINT ["/demo/start.sh"]\n',
  'fx-broken-app': 'FROM demo-image\nRUN printf "import sqlalchemy\\n" >> /demo/app/main.py\n',
};

const CONTAINERS = [
  'fx-web',
  'fx-dup',
  'fx-lo',
  'fx-rand',
  'fx-P',
  'fx-exposed',
  'fx-range',
  'fx-loopback-app',
  'fx-wrong-port',
  'fx-close',
  'fx-silent',
  'fx-exec',
  'fx-shell',
  'fx-addr',
  'fx-bad-module',
  'fx-broken',
  'fx-fg',
];

export function captureRuns(): void {
  const w = workspace();
  removeContainers(CONTAINERS);
  let hostServer: number | null = null;
  withDemoImage((built) => {
    try {
      sh('docker build -q -t demo-image .', w.dir);
      built();
      w.write('start.sh', '#!/bin/sh\r\nexec uvicorn app.main:app --host 0.0.0.0 --port 8000\r\n');
      w.write('plain.sh', 'exec uvicorn app.main:app --host 0.0.0.0 --port 8000\n');
      for (const [tag, dockerfile] of Object.entries(IMAGES)) {
        w.write(`Dockerfile.${tag}`, dockerfile);
        sh(`docker build -q -f Dockerfile.${tag} -t ${tag} .`, w.dir);
      }
      containersAndCurl(w.dir);
      hostServer = runErrors();
      logsAndForeground();
      capture({
        name: 'ps-a',
        command: 'docker ps -a --filter name=fx-',
        note: "filtered to this capture's containers: the engine is shared",
      });
    } finally {
      if (hostServer) sh(`kill ${hostServer}`);
      removeContainers(CONTAINERS);
      sh(`docker rmi ${Object.keys(IMAGES).join(' ')} >/dev/null`);
    }
  });
}

function containersAndCurl(cwd: string): void {
  const run = (args: string) => sh(`docker run -d ${args}`, cwd);
  run('-p 8000:8000 --name fx-web demo-image');
  waitFor('fx-web to answer', () => answers(8000));
  for (const [name, command] of [
    ['curl-ok', 'curl localhost:8000'],
    ['curl-i', 'curl -i localhost:8000'],
    ['curl-head', 'curl -I http://localhost:8000/'],
    ['curl-404', 'curl -i localhost:8000/nope'],
    ['curl-verbose', 'curl -v http://localhost:8000/'],
    ['curl-refused', 'curl localhost:18199'],
    ['curl-refused-verbose', 'curl -v http://127.0.0.1:18199/'],
    ['curl-resolve', 'curl http://demo-app.invalid:8000/'],
  ])
    capture({ name: name!, command: command!, setup: 'fx-web runs demo-image with -p 8000:8000' });
  capture({ name: 'ps-published', command: 'docker ps --filter name=fx-web' });
  capture({
    name: 'logs-uvicorn',
    command: 'docker logs fx-web',
    setup: 'after the curl-* captures',
  });
  capture({
    name: 'logs-uvicorn-timestamps',
    command: 'docker logs -t fx-web',
    setup: 'after the curl-* captures',
  });

  const forms: [string, string, string][] = [
    ['ps-loopback', 'fx-lo', '-p 127.0.0.1:8080:8000'],
    ['ps-random', 'fx-rand', '-p 8000'],
    ['ps-publish-all', 'fx-P', '-P'],
    ['ps-exposed', 'fx-exposed', ''],
    ['ps-range', 'fx-range', '-p 18160-18161:8000-8001'],
  ];
  for (const [fixture, name, flags] of forms) {
    run(`${flags} --name ${name} demo-image`);
    capture({
      name: fixture,
      command: `docker ps --filter name=${name}`,
      setup: `docker run -d ${flags} --name ${name} demo-image`,
    });
  }
  capture({
    name: 'ps',
    command: 'docker ps --filter name=fx-',
    setup:
      'the containers of ps-published, ps-loopback, ps-random, ps-publish-all, ps-exposed and ps-range',
  });

  run(
    '-p 18140:8000 --name fx-loopback-app demo-image uvicorn app.main:app --host 127.0.0.1 --port 8000',
  );
  waitFor('fx-loopback-app to start', () => logged('fx-loopback-app', 'Uvicorn running'));
  const loopSetup =
    'docker run -d -p 18140:8000 --name fx-loopback-app demo-image uvicorn app.main:app --host 127.0.0.1 --port 8000';
  capture({ name: 'curl-reset', command: 'curl localhost:18140', setup: loopSetup });
  capture({ name: 'curl-reset-i', command: 'curl -i http://localhost:18140/', setup: loopSetup });
  capture({
    name: 'logs-uvicorn-loopback',
    command: 'docker logs fx-loopback-app',
    setup: loopSetup,
  });

  run('-p 18141:80 --name fx-wrong-port demo-image');
  waitFor('fx-wrong-port to start', () => logged('fx-wrong-port', 'Uvicorn running'));
  capture({
    name: 'curl-reset-wrong-port',
    command: 'curl localhost:18141',
    setup: 'docker run -d -p 18141:80 --name fx-wrong-port demo-image (the app listens on 8000)',
  });
  capture({ name: 'ps-wrong-port', command: 'docker ps --filter name=fx-wrong-port' });

  run(`-p 18142:8000 --name fx-close demo-image python -c '${CLOSE_SERVER}'`);
  waitFor('fx-close to listen', () => logged('fx-close', 'listening'));
  capture({
    name: 'curl-empty-reply',
    command: 'curl localhost:18142',
    setup: `a server in the course image that reads the request and closes the connection:\n${CLOSE_SERVER}`,
  });
  run(`-p 18143:8000 --name fx-silent demo-image python -c '${SILENT_SERVER}'`);
  waitFor('fx-silent to listen', () => logged('fx-silent', 'listening'));
  capture({
    name: 'curl-timeout',
    command: 'curl -m 3 localhost:18143',
    setup: `a server in the course image that listens and never accepts:\n${SILENT_SERVER}`,
  });
}

/** Returns the pid of the host process it started to hold a port. */
function runErrors(): number {
  capture({
    name: 'run-port-allocated',
    command: 'docker run -d -p 8000:8000 --name fx-dup demo-image',
    setup: 'fx-web already publishes host port 8000',
  });
  sh('docker rm -f fx-dup >/dev/null');
  capture({
    name: 'run-port-allocated-fg',
    command: 'docker run -p 8000:8000 --name fx-dup demo-image',
    setup: 'fx-web already publishes host port 8000',
  });
  const pid = Number(
    sh('python3 -m http.server 18190 --bind 0.0.0.0 >/dev/null 2>&1 & echo $!').out.trim(),
  );
  waitFor('the host server on 18190', () => answers(18190));
  capture({
    name: 'run-address-in-use',
    command: 'docker run -d -p 18190:8000 --name fx-addr demo-image',
    setup: 'a host process (python3 -m http.server 18190) holds port 18190',
  });
  capture({
    name: 'run-image-not-found',
    command: 'docker run -p 8000:8000 demo-imag',
    note: 'the image name has a typo; Docker Hub is unreachable from this lab',
  });
  capture({
    name: 'run-exec-not-found',
    command:
      'docker run -p 18144:8000 --name fx-exec demo-image uvicornx app.main:app --host 0.0.0.0',
  });
  capture({
    name: 'run-shell-not-found',
    command: 'docker run --name fx-shell fx-shell-cmd',
    setup: `fx-shell-cmd:\n${IMAGES['fx-shell-cmd']}`,
  });
  capture({
    name: 'run-crlf-script',
    command: 'docker run --rm fx-crlf',
    setup: `fx-crlf:\n${IMAGES['fx-crlf']}start.sh is '#!/bin/sh\\r\\nexec uvicorn app.main:app --host 0.0.0.0 --port 8000\\r\\n' (Windows line endings)`,
  });
  capture({
    name: 'run-exec-format',
    command: 'docker run --rm fx-no-shebang',
    setup: `fx-no-shebang:\n${IMAGES['fx-no-shebang']}plain.sh is a shell script without a #! line`,
  });
  capture({
    name: 'run-name-conflict',
    command: 'docker run -d -p 8001:8000 --name fx-web demo-image',
    setup: 'fx-web exists',
  });
  return pid;
}

function logsAndForeground(): void {
  capture({
    name: 'logs-import-error',
    command: 'docker run --name fx-bad-module demo-image uvicorn app.nosuch:app --host 0.0.0.0',
  });
  capture({
    name: 'logs-traceback',
    command: 'docker run --name fx-broken fx-broken-app',
    setup: `fx-broken-app:\n${IMAGES['fx-broken-app']}`,
  });
  // Foreground run as a learner sees it: start, one request, then docker stop from another terminal.
  capture({
    name: 'run-foreground',
    command: 'docker run --rm -p 18145:8000 --name fx-fg demo-image',
    setup: 'one curl localhost:18145 while it ran, then docker stop fx-fg from another shell',
    driver: `(docker run --rm -p 18145:8000 --name fx-fg demo-image > /tmp/fx-fg.log 2>&1 &)
      for i in $(seq 1 200); do curl -s -o /dev/null localhost:18145 && break; sleep 0.1; done
      docker stop fx-fg >/dev/null
      for i in $(seq 1 200); do grep -q 'Finished server process' /tmp/fx-fg.log && break; sleep 0.1; done
      cat /tmp/fx-fg.log; rm -f /tmp/fx-fg.log`,
  });
}
