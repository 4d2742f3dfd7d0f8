/** What a learner should know about a `docker run` error, a container's log and a curl result. */
import type { Parsed, PartOf } from './parsed.ts';
import { classifyRunError } from './run-error.ts';
import { CLI_USAGE_ERROR, LOG_PREFIX, START_FAILURE } from './start-failure.ts';
import type { Finding } from '../docker/index.ts';

const NEW_HOST_PORT = 'or publish on another host port, e.g. -p 8081:8000';

export function diagnoseRunError({ part, marks }: Parsed<PartOf<'run-error'>>): Finding[] {
  const { kind, port, message } = part.runError;
  const line = marks.error ?? part.lines[0];
  const p = port ?? 'N';
  switch (kind) {
    case 'port-allocated':
      return [
        {
          id: 'run-port-allocated',
          severity: 'error',
          line,
          message: `Host port ${p} is already taken by another container.`,
          hint: `Find it with docker ps, then stop it (docker stop <name>) ${NEW_HOST_PORT}. The container that failed stays behind as Created: remove it with docker rm <name>.`,
        },
      ];
    case 'address-in-use':
      return [
        {
          id: 'run-address-in-use',
          severity: 'error',
          line,
          message: `Host port ${p} is already in use by a program on your machine (not by a container).`,
          hint: `Stop that program ${NEW_HOST_PORT}. lsof -i :${p} (macOS, Linux) or netstat -ano | findstr :${p} (Windows) shows which program holds it.`,
        },
      ];
    case 'image-not-found': {
      const image =
        marks.notes.find((n) => n.id === 'image')?.text ??
        /pull access denied for ([^,\s]+)/.exec(message)?.[1];
      return [
        {
          id: 'run-image-not-found',
          severity: 'error',
          line,
          message: `Docker could not find the image${image ? ` ${image}` : ''} on this machine or in the registry.`,
          hint: 'Use the exact name you built with -t (docker images lists them). A name Docker does not have locally is pulled from Docker Hub, which fails for your own images and for typos.',
        },
      ];
    }
    case 'executable-not-found':
    case 'exec-format':
    case 'no-such-file':
      return [startFailure(kind, message, line)];
    default:
      return [
        notExecutable(message, line) ?? {
          id: 'run-failed',
          severity: 'error',
          line,
          // docker exec, rm, start and the CLI's own checks end here too: say what Docker said.
          message: `Docker refused the command: ${message}`,
          hint: otherHint(message),
        },
      ];
  }
}

/** Why the container's program could not start, as docker run reports it or the container logs it. */
export function startFailure(
  kind: 'executable-not-found' | 'exec-format' | 'no-such-file',
  message: string,
  line: number,
): Finding {
  // A venv script whose #! interpreter is missing: sh says "not found", exec "no such file".
  const venv = /\/\.?venv\/bin\/|\/opt\/venv\//.test(message) && !/\^M|\\r|\r/.test(message);
  if (venv && /^\S*\/bin\/(?:ba|da)?sh: |^exec /.test(message.replace(LOG_PREFIX, '')))
    kind = 'no-such-file';
  switch (kind) {
    case 'executable-not-found': {
      const exe =
        /exec: \\?"([^"\\]+)\\?"|sh: (?:\d+: )?(\S+): (?:command )?not found/
          .exec(message)
          ?.slice(1)
          .find(Boolean) ?? 'the program';
      return {
        id: 'run-executable-not-found',
        severity: 'error',
        line,
        message: `The container's command ${exe} does not exist in the image.`,
        hint: exe.startsWith('-')
          ? `${exe} came after the image name, so Docker passed it to the container as its command. Put Docker's options (-p, -d, --name) before the image name: docker run -p 8000:8000 <image>.`
          : exe.startsWith('[')
            ? 'The CMD or ENTRYPOINT is not valid JSON (single quotes, or a missing comma), so Docker ran it through /bin/sh as one word. Write it with double quotes: CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"].'
            : /\.(?:sh|py)$/.test(exe)
              ? `Docker found no executable ${exe}: a script named without a path must be in a $PATH folder and executable. COPY it with its mode (RUN chmod +x, or COPY --chmod=755) and name it by its full path in ENTRYPOINT or CMD.`
              : `CMD (or the command after the image name) names a program the image lacks: fix the spelling, or install it in the image (uvicorn comes from requirements.txt). docker run --rm <image> which ${exe} checks.`,
      };
    }
    case 'exec-format':
      return {
        id: 'run-exec-format',
        severity: 'error',
        line,
        message: "The container's program cannot be executed here: exec format error.",
        hint: "Either the image was built for another CPU (arm64 vs amd64): rebuild or run with --platform linux/amd64 (or your machine's platform); or the entrypoint is a script without a first line such as #!/bin/sh.",
      };
    case 'no-such-file':
      return venv
        ? {
            id: 'run-venv-shebang',
            severity: 'error',
            line,
            message:
              "The container's start program is a virtualenv script whose interpreter does not exist at that path in the image.",
            hint: 'A venv\u2019s scripts start with #! and the absolute path where the venv was created. Create it at the same path in every stage you copy it between (e.g. python -m venv /app/.venv in both), or start the app with python -m uvicorn.',
          }
        : (missingEntry(message, line) ?? {
            id: 'run-no-such-file',
            severity: 'error',
            line,
            message: "The container's start program could not be run: no such file or directory.",
            hint: 'If the script exists in the image, it has Windows line endings (CRLF), so its #!/bin/sh line names a program that does not exist: save it with LF line endings (or run dos2unix on it) and rebuild. Otherwise fix the path in ENTRYPOINT or CMD.',
          });
  }
}

/** The runtime's `exec: "X": permission denied`: the file is there without its executable bit. */
function notExecutable(message: string, line: number): Finding | null {
  const path = /exec: \\?"([^"\\]+)\\?": permission denied/.exec(message)?.[1];
  if (!path) return null;
  return {
    id: 'run-not-executable',
    severity: 'error',
    line,
    message: `The container's start program ${path} is not executable (permission denied).`,
    hint: `Give it its executable bit in the image: RUN chmod +x ${path} after the COPY (or COPY --chmod=755), then rebuild; or start it through its interpreter, e.g. ENTRYPOINT ["sh", "${path}"].`,
  };
}

/** The runtime's `exec: "X": stat X: no such file`: there is no X at that path in the image. */
function missingEntry(message: string, line: number): Finding | null {
  const path = /: stat (\S+): no such file or directory/.exec(message)?.[1];
  if (!path) return null;
  return {
    id: 'run-no-such-file',
    severity: 'error',
    line,
    message: `The container's start program ${path} is not in the image at that path.`,
    hint: `Fix the path in ENTRYPOINT or CMD, or COPY the file there${path.startsWith('/') ? '' : ' (a relative path is looked up from WORKDIR)'}; docker run --rm --entrypoint ls <image> -l ${path} checks.`,
  };
}

function otherHint(message: string): string {
  if (/name ".*" is already in use|Conflict\. The container name/.test(message))
    return 'A container with that name exists already: remove it with docker rm -f <name>, or pick another --name.';
  if (/unknown (?:shorthand )?flag/.test(message))
    return "Docker does not know that option: check its spelling (docker run --help lists them, as does --help after any command). Options for Docker go before the image name; what follows the image name is the container's own command.";
  if (/Invalid (?:hostPort|containerPort|ip address|proto)/i.test(message))
    return '-p takes HOST_PORT:CONTAINER_PORT with ports from 1 to 65535 (e.g. -p 8000:8000), optionally with a host address first: -p 127.0.0.1:8000:8000.';
  if (/is not running/.test(message))
    return 'docker ps -a shows the container and its exit code, docker logs <name> what it printed before it stopped; docker start <name> starts it again.';
  if (/container is running: stop the container/.test(message))
    return 'Stop it first (docker stop <name>), or stop and remove it at once with docker rm -f <name>.';
  if (/invalid reference format/.test(message))
    return 'The image name is not valid: names are lowercase, e.g. demo-image, and options such as -p go before the image name.';
  return "Read the daemon's message above; the command's options come before the image name, and docker run --help lists them.";
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function diagnoseContainerLog({ part, marks }: Parsed<PartOf<'container-log'>>): Finding[] {
  const { listening, errors } = part.containerLog;
  const findings: Finding[] = listening.map((l, i) =>
    LOOPBACK.has(l.host)
      ? {
          id: 'log-loopback',
          severity: 'error' as const,
          line: marks.items[i] ?? part.lines[0],
          message: `The app listens on ${l.host}:${l.port}; inside a container that address is reachable only from the container itself.`,
          hint: 'Start it with --host 0.0.0.0, e.g. CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"], then rebuild and run again.',
        }
      : {
          id: 'log-listening',
          severity: 'info' as const,
          line: marks.items[i] ?? part.lines[0],
          message: `The app listens on ${l.host}:${l.port} inside the container.`,
          hint: `Publish that port when you run it, e.g. -p 8000:${l.port}, then open http://localhost:8000.`,
        },
  );
  errors.forEach((e, i) => {
    const line = marks.notes[i]?.line ?? part.lines[0];
    const { kind } = START_FAILURE.test(e) ? classifyRunError(e) : { kind: null };
    findings.push(
      kind === 'exec-format' || kind === 'no-such-file' || kind === 'executable-not-found'
        ? startFailure(kind, e, line)
        : {
            id: 'log-error',
            severity: 'error',
            line,
            message: `The app failed: ${e}`,
            hint: logHint(e),
          },
    );
  });
  return findings;
}

function logHint(error: string): string {
  const module = /No module named '([^']+)'/.exec(error);
  if (module)
    return `The Python package ${module[1]} is not installed in the image: add it to requirements.txt and rebuild.`;
  if (/Could not import module|Attribute ".*" not found/.test(error))
    return 'uvicorn could not load the app: the module:attribute you gave (app.main:app) must match the files under WORKDIR and the name of the FastAPI object.';
  if (CLI_USAGE_ERROR.test(error))
    return 'uvicorn refused its command line, so the container stopped at once. Check the command the image runs (CMD, or ENTRYPOINT plus CMD: an ENTRYPOINT ["uvicorn"] with CMD ["uvicorn", …] passes uvicorn twice; in shell form an unset $PORT leaves --port without its value): CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"].';
  if (/address already in use/.test(error))
    return 'Something in the container already listens on that port; start one server only.';
  return 'Read the traceback above this line, from the bottom up: the last lines name the file and line that failed.';
}

export function diagnoseCurl({ part, marks }: Parsed<PartOf<'curl'>>): Finding[] {
  const { curl } = part;
  const line = marks.error ?? part.lines[0];
  if (curl.error) return [curlError(curl.error, curl.exitCode, line)];
  if (curl.status !== null && curl.status >= 400) return [statusFinding(curl.status, line)];
  const body = curl.body
    ? `: ${curl.body.length > 80 ? `${curl.body.slice(0, 79)}…` : curl.body}`
    : '';
  return [
    {
      id: 'curl-ok',
      severity: 'info',
      line,
      message: `The app answered${curl.status ? ` with status ${curl.status}` : ''}${body}.`,
    },
  ];
}

function statusFinding(status: number, line: number): Finding {
  if (status === 404)
    return {
      id: 'curl-404',
      severity: 'warning',
      line,
      message: 'The app answered 404 Not Found: no route matches that path.',
      hint: 'Check the path in the URL: the course app answers at / (curl localhost:8000/).',
    };
  if (status === 405)
    return {
      id: 'curl-405',
      severity: 'warning',
      line,
      message:
        'The app answered 405 Method Not Allowed: curl -I sends a HEAD request, and the route accepts GET only.',
      hint: 'Use curl -i to see the headers of a GET request.',
    };
  return {
    id: 'curl-status',
    severity: status >= 500 ? 'error' : 'warning',
    line,
    message: `The app answered with status ${status}.`,
    hint: 'docker logs <name> shows what the app printed for this request.',
  };
}

function curlError(
  error: NonNullable<PartOf<'curl'>['curl']['error']>,
  code: number | null,
  line: number,
): Finding {
  switch (error) {
    case 'refused':
      return {
        id: 'curl-refused',
        severity: 'error',
        line,
        message: 'Nothing answered on that host port: curl (7) could not connect.',
        hint: 'Nothing listens there: the container is not running (docker ps), its port is not published (run it with -p 8000:8000), or you used another host port than the first number of -p HOST:CONTAINER.',
      };
    case 'empty-reply':
    case 'reset':
      return {
        id: 'curl-no-app',
        severity: 'error',
        line,
        message: `The port is published, but the app inside the container did not answer (curl (${code})).`,
        hint: 'The app listens on 127.0.0.1 inside the container, or on another container port than the one you published. Start it with --host 0.0.0.0, and make the second number of -p HOST:CONTAINER the port it listens on (8000).',
      };
    case 'timeout':
      return {
        id: 'curl-timeout',
        severity: 'error',
        line,
        message:
          'The request timed out: something accepted the connection but never answered (curl (28)).',
        hint: 'The app may still be starting or be stuck: docker logs <name> shows what it is doing.',
      };
    case 'resolve':
      return {
        id: 'curl-resolve',
        severity: 'error',
        line,
        message: 'curl could not resolve the host name in the URL (curl (6)).',
        hint: 'For a port published on your machine use localhost: curl localhost:8000.',
      };
    default:
      return {
        id: 'curl-failed',
        severity: 'error',
        line,
        message: `curl failed with code ${code ?? '?'}.`,
        hint: 'man curl lists the exit codes; check the URL and that the container runs (docker ps).',
      };
  }
}
