/**
 * The server the final image starts: the address it listens on, --reload, its port against EXPOSE,
 * and whether the code it loads was copied. Only the final stage runs, so only it is judged.
 */
import type { Finding } from '../../docker/index.ts';
import { findMissingApp } from '../app-path.ts';
import { exposedPorts } from '../exposed-ports.ts';
import { finding } from '../finding.ts';
import type { Stage, Step } from '../model.ts';
import { effectiveSteps, finalStage } from '../stages.ts';
import {
  findServer,
  isLoopback,
  serverAddress,
  type ServerAddress,
  type ServerCommand,
} from '../server-command.ts';
import { toExecForm } from '../../text/index.ts';
import { startCommand } from '../start-command.ts';
import { quote } from '../wording.ts';
import type { Rule } from './context.ts';

const NAMES = {
  uvicorn: 'uvicorn',
  'fastapi-run': 'fastapi run',
  'fastapi-dev': 'fastapi dev',
} as const;

export const serverRule: Rule = ({ model }) => {
  const stage = finalStage(model);
  const start = stage && startCommand(stage);
  const step = start?.cmd ?? start?.entrypoint;
  const found = start ? findServer(start.argv) : null;
  if (!stage || !start || !step || !found) return [];
  // With an ENTRYPOINT in front, a replacement CMD line would be wrong: suggest the words only.
  const server = { ...found, alone: found.alone && start.entrypoint === null };
  // The container starts with the stage's whole environment, ENV lines after CMD included.
  const address = serverAddress(server, stage.env);
  return [
    ...host(server, address, step),
    ...reload(server, step),
    ...port(server, address, step, stage),
    ...appPath(server, stage, step),
  ];
};

/**
 * [LOCAL] docker-semantics.md §3.4: an app bound to 127.0.0.1 in a container with `-p 18010:8000`
 * answered curl with "(56) Recv failure: Connection reset by peer"; Docker Desktop users report
 * "(52) Empty reply from server".
 */
function host(server: ServerCommand, address: ServerAddress, step: Step): Finding[] {
  if (address.host === null || !isLoopback(address.host)) return [];
  const name = NAMES[server.kind];
  const unreachable = `Inside a container that address is the container's own loopback: requests from a published port (docker run -p 8000:8000) arrive on the container's network interface, find nothing listening, and curl answers "Connection reset by peer" or "Empty reply from server".`;
  const fix = `Listen on every interface of the container, --host 0.0.0.0: ${fixed(server, withOption(server, '--host', '0.0.0.0'))}`;
  if (address.hostGiven) {
    const source = server.host === null ? 'The UVICORN_HOST variable' : quote(step.instruction);
    return [
      finding(
        'server-host-loopback',
        step.line,
        `${source} makes ${name} listen on ${address.host}. ${unreachable}`,
        fix,
      ),
    ];
  }
  const log =
    server.kind === 'uvicorn' ? ' (its log says "Uvicorn running on http://127.0.0.1:8000")' : '';
  return [
    finding(
      'server-host-missing',
      step.line,
      `${name} has no --host, so it listens on 127.0.0.1, its default${log}. ${unreachable}`,
      fix,
    ),
  ];
}

/** docker-semantics.md §5.3: the FastAPI docs keep --reload for development; `fastapi dev` turns it on. */
function reload(server: ServerCommand, step: Step): Finding[] {
  if (!server.reload) return [];
  if (server.kind === 'fastapi-dev') {
    const run = server.words.map((w, i) => (i === server.argsStart ? 'run' : w));
    return [
      finding(
        'server-reload',
        step.line,
        '`fastapi dev` is the development server: it restarts on every file change and listens on 127.0.0.1. In an image the code never changes, and the container must be reachable from outside.',
        `Use fastapi run, which listens on 0.0.0.0 and does not reload: ${fixed(server, run)}`,
      ),
    ];
  }
  const withoutReload = server.words.filter((w) => w !== '--reload');
  return [
    finding(
      'server-reload',
      step.line,
      `${quote(step.instruction)} starts ${NAMES[server.kind]} with --reload, which watches your files and restarts the server when they change. In an image the code never changes, so it only costs an extra process and memory; the FastAPI docs keep it for development.`,
      `Drop --reload: ${fixed(server, withoutReload)}`,
    ),
  ];
}

/**
 * docker-semantics.md §3.1: EXPOSE only documents (Config.ExposedPorts); `-p` works without it,
 * and `-P` publishes exactly the exposed ports ([LOCAL] no EXPOSE → `-P` published nothing).
 */
function port(server: ServerCommand, address: ServerAddress, step: Step, stage: Stage): Finding[] {
  if (address.port === null) return [];
  const exposed = exposedPorts(effectiveSteps(stage));
  const name = NAMES[server.kind];
  const why = address.portGiven ? '' : ` (its default, as the command gives no --port)`;
  if (exposed.ports.length === 0) {
    if (exposed.unknown) return [];
    return [
      finding(
        'expose-missing',
        step.line,
        `There is no EXPOSE. That is allowed: EXPOSE publishes nothing, and docker run -p 8000:${address.port} works without it. But it tells readers which port the app uses, and docker run -P publishes only exposed ports.`,
        `Add EXPOSE ${address.port} above the CMD.`,
      ),
    ];
  }
  if (exposed.ports.includes(address.port) || exposed.unknown) return [];
  const first = exposed.ports[0] ?? address.port;
  return [
    finding(
      'port-mismatch',
      step.line,
      `${name} listens on port ${address.port}${why}, but EXPOSE says ${exposed.ports.join(', ')} (line ${exposed.line}). EXPOSE publishes nothing, but it tells whoever runs the image which port to publish: docker run -p ${first}:${first} would reach nothing, and docker run -P publishes only ${first}.`,
      `Make them agree: EXPOSE ${address.port}, or --port ${first} in the command.`,
    ),
  ];
}

function appPath(server: ServerCommand, stage: Stage, step: Step): Finding[] {
  const missing = findMissingApp(server, stage);
  if (!missing) return [];
  // [LOCAL] uvicorn 0.32 stopped with this error when app/ had been copied as /demo's contents.
  const stops = missing.topModule
    ? `the container stops with "ModuleNotFoundError: No module named '${missing.topModule}'"`
    : 'the container stops at once';
  if (missing.contentsCopy) {
    const { copy, landedAt } = missing.contentsCopy;
    const folder = missing.folder ?? missing.file.replace(/\/[^/]+$/, '');
    return [
      finding(
        'app-path-not-copied',
        copy.step.line,
        `${quote(copy.step.instruction)} copies what is inside the folder, not the folder itself: the code lands at ${landedAt}, but ${server.app} needs ${missing.file}, so ${stops}.`,
        `Name the folder in the destination: ${copy.instruction} ${copy.sources.join(' ')} ${folder}`,
      ),
    ];
  }
  return [
    finding(
      'app-path-not-copied',
      step.line,
      `${NAMES[server.kind]} loads ${server.app}, so it looks for ${missing.file}, but no COPY puts anything there: ${stops}.`,
      `Copy your code to ${missing.folder ?? missing.file} (e.g. COPY ./app ${missing.folder ?? missing.file}), or change the command to the path you copied.`,
    ),
  ];
}

/** The server command with one option set, e.g. `--host 0.0.0.0` (replacing any value it had). */
function withOption(server: ServerCommand, option: string, value: string): string[] {
  const words = [...server.words];
  const at = words.findIndex((w) => w === option || w.startsWith(`${option}=`));
  if (at === -1) {
    const after =
      server.app === null ? server.argsStart : words.indexOf(server.app, server.argsStart) + 1;
    words.splice(
      Math.max(after, server.argsStart + (server.kind === 'uvicorn' ? 0 : 1)),
      0,
      option,
      value,
    );
  } else if (words[at] === option) words[at + 1] = value;
  else words[at] = `${option}=${value}`;
  return words;
}

/** A CMD line to paste when the server is the whole command; otherwise the corrected server words. */
function fixed(server: ServerCommand, words: readonly string[]): string {
  return server.alone ? `CMD ${toExecForm(words)}` : words.join(' ');
}
