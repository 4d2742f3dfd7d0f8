/** Docker commands in the simulator, checked against real outputs from tests/fixtures/sandbox/real/. */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { demoSandbox } from './helpers.ts';

const built = async () => {
  const t = demoSandbox();
  await t.run('docker build -q -t demo-image .');
  return t;
};

usePython();

describe('docker commands', () => {
  it.each<[string, string[], RegExp | string, number]>([
    [
      'history rows, newest first, BuildKit form',
      ['docker history demo-image'],
      /^IMAGE {10}CREATED {10}CREATED BY {38}SIZE {6}COMMENT\n[0-9a-f]{12} {3}.*CMD \["uvicorn" "app.main:app" "--host" "0\.0\.…   0B {8}buildkit\.dockerfile\.v0\n<missing> .*EXPOSE \[8000\/tcp\] .*\n<missing> .*COPY \.\/app \/demo\/app # buildkit .*\n<missing> .*RUN \/bin\/sh -c pip install --no-cache-dir --… .*\n<missing> .*COPY \.\/requirements\.txt \/demo\/requirements\.t… .*\n<missing> .*WORKDIR \/demo .*\n<missing> +11 minutes ago +205MB +Imported from -\n$/,
      0,
    ],
    [
      'images table',
      ['docker images'],
      /^REPOSITORY   TAG         IMAGE ID       CREATED +SIZE\ndemo-image   latest      [0-9a-f]{12}   \d+ seconds? ago +205MB\npython       3\.14-slim   10a86f5bb86f   11 minutes ago   205MB\npython       3\.13-slim   fe1a96c06753   12 minutes ago   194MB\n$/,
      0,
    ],
    [
      'inspect templates',
      ["docker image inspect demo-image --format '{{json .Config.Cmd}}'"],
      '["uvicorn","app.main:app","--host","0.0.0.0","--port","8000"]\n',
      0,
    ],
    [
      'inspect a working dir',
      ["docker inspect --format '{{.Config.WorkingDir}} {{json .Config.ExposedPorts}}' demo-image"],
      '/demo {"8000/tcp":{}}\n',
      0,
    ],
    ['build -q prints the ID', ['docker build -q -t demo-image .'], /^sha256:[0-9a-f]{64}\n$/, 0],
    [
      'tag then rmi untags',
      ['docker tag demo-image demo-image:v9', 'docker rmi demo-image:v9'],
      'Untagged: demo-image:v9\n',
      0,
    ],
    [
      'rmi of a missing image',
      ['docker rmi nothere'],
      'Error response from daemon: No such image: nothere:latest\n',
      1,
    ],
    // Engine 28.5 on the lab (scenarios 48 and 139): a stopped container's image keeps its last
    // tag; a running container's loses it, and the image stays for the container.
    [
      'rmi of an image a stopped container uses',
      ['docker run --name once demo-image true', 'docker rmi demo-image'],
      /^Error response from daemon: conflict: unable to remove repository reference "demo-image" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/,
      1,
    ],
    [
      'rmi of an image a running container uses',
      ['docker run -d --name web demo-image', 'docker rmi demo-image'],
      'Untagged: demo-image:latest\n',
      0,
    ],
    [
      'rmi by ID of an image a running container uses',
      ['docker run -d --name web demo-image', 'docker rmi $(docker images -q demo-image)'],
      /^Error response from daemon: conflict: unable to delete [0-9a-f]{12} \(cannot be forced\) - image is being used by running container [0-9a-f]{12}\n$/,
      1,
    ],
    [
      'rm of a running container',
      ['docker run -d --name web demo-image', 'docker rm web'],
      'Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n',
      1,
    ],
    // docker create and start -a, as Engine 28.5 answered on the lab (scenario 133 has the rest).
    [
      'create -it makes the container without a terminal',
      ['docker create -it demo-image sh'],
      /^[0-9a-f]{64}\n$/,
      0,
    ],
    [
      'start -a prints the output and passes on the exit status',
      [
        "docker create --name s3 demo-image sh -c 'echo out; echo err >&2; exit 3'",
        'docker start -a s3',
      ],
      'out\nerr\n',
      3,
    ],
    [
      'start -a of two containers',
      [
        'docker create --name c1 demo-image true',
        'docker create --name c2 demo-image true',
        'docker start -a c1 c2',
      ],
      'you cannot start and attach multiple containers at once\n',
      1,
    ],
    [
      'start -a of a missing container',
      ['docker start -a nope'],
      'Error response from daemon: No such container: nope\n',
      1,
    ],
    // The lab (Engine 28.5): the same two volumes gave "Local Volumes   2  1  9B  6B (66%)", and
    // system df -v listed dfvol 0 links 6B, dfvol2 1 link 3B.
    [
      'system df counts the named volumes, a volume in use is not reclaimable',
      [
        "docker run --rm -v dfvol:/d demo-image sh -c 'echo hello > /d/x'",
        "docker run -d --name dfc -v dfvol2:/d demo-image sh -c 'echo hi > /d/y; sleep 30'",
        'docker system df',
      ],
      /\nLocal Volumes   2         1         9B        6B \(66%\)\n/,
      0,
    ],
    [
      'system df -v lists each volume with its links and size',
      [
        "docker run --rm -v dfvol:/d demo-image sh -c 'echo hello > /d/x'",
        "docker run -d --name dfc -v dfvol2:/d demo-image sh -c 'echo hi > /d/y; sleep 30'",
        'docker system df -v',
      ],
      /\nLocal Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\ndfvol         0         6B\ndfvol2        1         3B\n/,
      0,
    ],
    [
      'rm of a missing container',
      ['docker rm nothere'],
      'Error response from daemon: No such container: nothere\n',
      1,
    ],
    [
      'a name clash',
      ['docker run -d --name web demo-image', 'docker run -d --name web demo-image'],
      /^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n\nRun 'docker run --help' for more information\n$/,
      125,
    ],
    [
      'an image that is not there',
      ['docker run nosuchimage'],
      // The browser has no registry: what Engine 28.5 says when it cannot reach one (scenario 37).
      "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: no such host\n\nRun 'docker run --help' for more information\n",
      125,
    ],
    [
      'docker run without an image',
      ['docker run'],
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
      1,
    ],
    [
      'an unknown docker command',
      ['docker frobnicate'],
      "docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n",
      1,
    ],
    [
      'build without a context',
      ['docker build -t x'],
      /^ERROR: "docker buildx build" requires exactly 1 argument\./,
      1,
    ],
    [
      'an exec-form command the image lacks',
      ['docker run -d --name web demo-image uvicornx'],
      /^[0-9a-f]{64}\ndocker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "uvicornx": executable file not found in \$PATH\n\nRun 'docker run --help' for more information\n$/,
      127,
    ],
    [
      'logs as uvicorn prints them',
      [
        'docker run -d -p 8000:8000 --name web demo-image',
        'curl -s localhost:8000',
        'docker logs web',
      ],
      /^INFO: {5}Started server process \[1\]\nINFO: {5}Waiting for application startup\.\nINFO: {5}Application startup complete\.\nINFO: {5}Uvicorn running on http:\/\/0\.0\.0\.0:8000 \(Press CTRL\+C to quit\)\nINFO: {5}172\.17\.0\.1:\d+ - "GET \/ HTTP\/1\.1" 200 OK\n$/,
      0,
    ],
    [
      'docker port',
      ['docker run -d -p 8000:8000 --name web demo-image', 'docker port web'],
      '8000/tcp -> 0.0.0.0:8000\n8000/tcp -> [::]:8000\n',
      0,
    ],
    [
      'a server in a container reads UVICORN_HOST and UVICORN_PORT',
      [
        'docker run -d -p 8000:9000 -e UVICORN_HOST=0.0.0.0 -e UVICORN_PORT=9000 --name web demo-image uvicorn app.main:app',
        'curl -s localhost:8000',
      ],
      '"Welcome to root"',
      0,
    ],
    [
      'sh -c expands the container environment before uvicorn reads it',
      [
        "docker run -d -p 8000:9000 -e PORT=9000 --name web demo-image sh -c 'exec uvicorn app.main:app --host 0.0.0.0 --port $PORT'",
        'curl -s localhost:8000',
      ],
      '"Welcome to root"',
      0,
    ],
    [
      'uvicorn refusing its arguments logs its usage',
      ['docker run -d --name web demo-image uvicorn app.main:app --port abc', 'docker logs web'],
      "Usage: uvicorn [OPTIONS] APP\nTry 'uvicorn --help' for help.\n\nError: Invalid value for '--port': 'abc' is not a valid integer.\n",
      0,
    ],
    [
      'uvicorn refusing its arguments exits 2',
      [
        'docker run -d --name web demo-image uvicorn app.main:app --bogus',
        "docker ps -a --format '{{.Status}}'",
      ],
      /^Exited \(2\) /,
      0,
    ],
    [
      '--app-dir is where uvicorn imports from',
      [
        'docker run -d -p 8000:8000 --name web demo-image uvicorn main:app --app-dir app --host 0.0.0.0',
        'curl -s localhost:8000',
      ],
      '"Welcome to root"',
      0,
    ],
    [
      '-P publishes an exposed UDP port as UDP',
      [
        "printf 'FROM python:3.13-slim\\nWORKDIR /demo\\nCOPY . .\\nRUN pip install -r requirements.txt\\nEXPOSE 8000-8001 5353/udp\\nCMD uvicorn app.main:app --host 0.0.0.0\\n' > Dockerfile",
        'docker build -q -t udp .',
        'docker run -d -P --name web udp',
        'docker port web',
      ],
      /^5353\/udp -> 0\.0\.0\.0:\d+\n5353\/udp -> \[::\]:\d+\n8000\/tcp -> 0\.0\.0\.0:\d+\n8000\/tcp -> \[::\]:\d+\n8001\/tcp -> 0\.0\.0\.0:\d+\n8001\/tcp -> \[::\]:\d+\n$/,
      0,
    ],
    [
      'stop prints the name',
      ['docker run -d --name web demo-image', 'docker stop web'],
      'web\n',
      0,
    ],
    [
      'ps COMMAND for a shell-form CMD',
      [
        "printf 'FROM python:3.13-slim\\nCMD uvicornx app.main:app\\n' > Dockerfile",
        'docker build -q -t shell-form .',
        'docker run -d --name sh shell-form',
        "docker ps -a --format '{{.Command}} {{.Status}}'",
      ],
      /^"\/bin\/sh -c 'uvicorn…" Exited \(127\) (?:Less than a second|1 second) ago\n$/,
      0,
    ],
    [
      'a host process holding the port',
      [
        'pip install -r requirements.txt > /dev/null',
        'uvicorn app.main:app --host 0.0.0.0 &',
        'docker run -d -p 8000:8000 --name web demo-image',
      ],
      // Engine 28.5 (lab, tests/fixtures/docker-output/lab/run-port-held-by-host-process.txt):
      // `failed to bind host port for 0.0.0.0:4486:172.17.0.3:8000/tcp: address already in use`
      /failed to bind host port for 0\.0\.0\.0:8000:172\.17\.0\.2:8000\/tcp: address already in use\n/,
      125,
    ],
    [
      'a host process holding the port: the container end is the address it was given',
      [
        'pip install -r requirements.txt > /dev/null',
        'uvicorn app.main:app --host 0.0.0.0 &',
        'docker run -d --name first demo-image',
        'docker run -d -p 8000:8000 --name web demo-image',
      ],
      /failed to bind host port for 0\.0\.0\.0:8000:172\.17\.0\.3:8000\/tcp: address already in use\n/,
      125,
    ],
    [
      'a host process holding an IPv6 port: the host end is bracketed',
      [
        'pip install -r requirements.txt > /dev/null',
        'uvicorn app.main:app --host :: &',
        'docker run -d -p [::]:8000:8000 --name web demo-image',
      ],
      // lab, Engine 28.5.2, 2026-12-06: a socket bound to [::]:4489, then `docker run -p [::]:4489:8000`:
      // `failed to bind host port for [::]:4489:172.17.0.2:8000/tcp: address already in use`
      /failed to bind host port for \[::\]:8000:172\.17\.0\.2:8000\/tcp: address already in use\n/,
      125,
    ],
    [
      'a container holding the port a host uvicorn wants',
      [
        'pip install -r requirements.txt > /dev/null',
        'docker run -d -p 8000:8000 --name web demo-image',
        'uvicorn app.main:app',
      ],
      /ERROR: {4}\[Errno 98\] Address already in use\n$/,
      1,
    ],
    // lab, Engine 28.5.2, 2026-12-06: `run -d … sleep infinity` reads "Up Less than a second",
    // exec answers in it, `docker stop` took 10.4 s and left "Exited (137)"; `stop -t 2` 2.7 s.
    [
      'a container whose process sleeps is up until its time comes, and exec runs in it',
      [
        'docker run -d --name box python:3.13-slim sleep infinity',
        'docker exec box echo hi',
        "docker ps -a --format '{{.Names}} {{.Status}}'",
      ],
      /^box Up \d+ seconds?\n$/,
      0,
    ],
    [
      'stop: a sleep as PID 1 ignores SIGTERM and is killed when the grace ends',
      [
        'docker run -d --name box python:3.13-slim sleep infinity',
        'docker stop -t 2 box',
        "docker ps -a --format '{{.Names}} {{.Status}}'",
      ],
      /^box Exited \(137\) /,
      0,
    ],
    [
      "a detached script's later output waits for the host's clock",
      [
        "docker run -d --name sh1 python:3.13-slim sh -c 'echo a; sleep 30; echo b'",
        'docker logs sh1',
      ],
      'a\n',
      0,
    ],
    [
      '…and is there once it has slept (lab: logs a, b after `docker wait`)',
      [
        "docker run -d --name sh1 python:3.13-slim sh -c 'echo a; sleep 3; echo b; exit 3'",
        'sleep 4',
        'docker logs sh1',
      ],
      'a\nb\n',
      0,
    ],
    [
      '…and so is its end, with its own exit code',
      [
        "docker run -d --name sh1 python:3.13-slim sh -c 'echo a; sleep 3; echo b; exit 3'",
        "docker ps -a --format '{{.Status}}'",
        'sleep 4',
        "docker ps -a --format '{{.Status}}'",
      ],
      /^Exited \(3\) \d+ seconds? ago\n$/,
      0,
    ],
    [
      'an attached run waits for the script to end (its clock moves there)',
      ["docker run --rm python:3.13-slim sh -c 'echo x; sleep 5; echo y; exit 4'"],
      'x\ny\n',
      4,
    ],
    // lab, 2026-12-06: the host and a python:3.14-slim container (content/outputs/container-kernel.txt)
    [
      'uname -r: a container has the host kernel',
      ['uname -r', 'docker run --rm python:3.14-slim uname -r'],
      '6.18.44-fc-v1272\n',
      0,
    ],
    [
      'uname -a in a container: its node name is its short ID',
      ['docker run --name kernel python:3.14-slim uname -a'],
      /^Linux [0-9a-f]{12} 6\.18\.44-fc-v1272 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU\/Linux\n$/,
      0,
    ],
    [
      'uname: an unknown option, as coreutils words it',
      ['docker run --rm python:3.14-slim uname -x'],
      "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n",
      1,
    ],
    [
      "the host's /etc/os-release (content/outputs/container-filesystem.txt)",
      ['head -n 1 /etc/os-release'],
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
      0,
    ],
    [
      'a multi-platform build on the classic store fails (lab, Engine 28.5, any --progress)',
      ['docker build --platform linux/amd64,linux/arm64 -t demo-image:multi .'],
      'ERROR: failed to build: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at https://docs.docker.com/go/build-multi-platform/\n',
      1,
    ],
    [
      'a rebuild sends only what COPY names, the files sent before as their stat alone (scenario 02: 90B)',
      ["printf 'not in any COPY' > notes.txt", 'docker build --progress=plain -t demo-image .'],
      /#3 transferring context: 75B done[\s\S]*#5 transferring context: 90B done/,
      0,
    ],
    [
      'image prune removes dangling images',
      ["echo '# x' >> app/main.py", 'docker build -q -t demo-image .', 'docker image prune -f'],
      /^Deleted Images:\ndeleted: sha256:[0-9a-f]{64}\n\nTotal reclaimed space: /,
      0,
    ],
  ])('%s', async (_, lines, expected, exitCode) => {
    const { run } = await built();
    const result = await run(...lines);
    if (typeof expected === 'string') expect(result.output).toBe(expected);
    else expect(result.output).toMatch(expected);
    expect(result.exitCode).toBe(exitCode);
  });

  it('same inputs give the same image ID, in this sandbox and in a fresh one', async () => {
    const { run } = demoSandbox();
    const first = (await run('docker build -q -t demo-image .')).output;
    expect((await run('docker build -q -t demo-image .')).output).toBe(first);
    expect((await demoSandbox().run('docker build -q -t demo-image .')).output).toBe(first);
  });

  it('layers: a rebuild after an app edit shares all but the last layer (docker-semantics §4.4)', async () => {
    const { run } = await built();
    const layers = async () =>
      (
        await run(
          "docker image inspect demo-image --format '{{range .RootFS.Layers}}{{println .}}{{end}}'",
        )
      ).output
        .trim()
        .split('\n');
    const before = await layers();
    await run("echo '# edit' >> app/main.py", 'docker build -q -t demo-image .');
    const after = await layers();
    expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
    expect(after[4]).not.toBe(before[4]);
  });
});
