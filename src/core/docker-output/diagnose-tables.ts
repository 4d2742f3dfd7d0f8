/** What a learner should know about `docker ps`, `docker images` and `docker history` tables. */
import type { Parsed, PartOf } from './parsed.ts';
import type { PsContainer } from './types.ts';
import { copiesWholeContext, installs, stepText, type Finding } from '../docker/index.ts';

export function diagnosePs({ part, marks }: Parsed<PartOf<'ps'>>): Finding[] {
  const { containers } = part.ps;
  if (!containers.length)
    return [
      {
        id: 'ps-empty',
        severity: 'info',
        line: part.lines[0],
        message: 'No containers are listed.',
        hint: 'Start one with docker run -d -p 8000:8000 demo-image; docker ps -a also lists stopped ones.',
      },
    ];
  return containers.flatMap((c, i) => containerFindings(c, marks.items[i] ?? part.lines[0]));
}

function containerFindings(c: PsContainer, line: number): Finding[] {
  const name = c.names;
  const published = c.ports.filter((p) => p.hostPort !== null);
  const exposed = c.ports.filter((p) => p.hostPort === null).map((p) => p.containerPort);
  if (/^Created/.test(c.status))
    return [
      {
        id: 'ps-created',
        severity: 'warning',
        line,
        message: `${name} was created but never started: its start failed (a taken port or a missing command).`,
        hint: `docker start -a ${name} shows the error again; remove it with docker rm ${name} before you retry.`,
      },
    ];
  if (!c.running)
    return [
      c.exitCode
        ? {
            id: 'ps-exited',
            severity: 'error',
            line,
            message: `${name} stopped with exit code ${c.exitCode}.`,
            hint: `${c.exitCode === 127 ? 'Code 127 means the command was not found: check CMD. ' : ''}docker logs ${name} shows why it stopped.`,
          }
        : {
            id: 'ps-stopped',
            severity: 'info',
            line,
            message: `${name} is not running (${c.status}).`,
            hint: `docker start ${name} starts it again.`,
          },
    ];
  const wrong = published.find((p) => exposed.length && !exposed.includes(p.containerPort));
  if (wrong)
    return [
      {
        id: 'ps-wrong-port',
        severity: 'warning',
        line,
        message: `${name} publishes container port ${wrong.containerPort}, but the image exposes ${exposed.join(', ')}: host port ${wrong.hostPort} reaches nothing.`,
        hint: `Publish the port the app listens on: -p ${wrong.hostPort}:${exposed[0]}.`,
      },
    ];
  if (!published.length)
    return [
      {
        id: 'ps-not-published',
        severity: 'warning',
        line,
        message: `${name} is running but publishes no port${exposed.length ? ` (${exposed.join(', ')} is only exposed)` : ''}.`,
        hint: `Run it again with -p so your machine can reach it: docker rm -f ${name}, then docker run -d -p 8000:${exposed[0] ?? 8000} --name ${name} ${c.image}.`,
      },
    ];
  const first = published[0]!;
  const loopback = published.every((p) => p.hostIp === '127.0.0.1' || p.hostIp === '::1');
  return [
    {
      id: loopback ? 'ps-loopback' : 'ps-running',
      severity: 'info',
      line,
      message: `${name} is up: host port ${first.hostPort} goes to container port ${first.containerPort}${loopback ? ', on 127.0.0.1 only (reachable from this machine, not from others)' : ''}.`,
      hint: `Try curl localhost:${first.hostPort}.`,
    },
  ];
}

export function diagnoseImages({ part }: Parsed<PartOf<'images'>>): Finding[] {
  const { images } = part.images;
  const line = part.lines[0];
  if (!images.length)
    return [
      {
        id: 'images-empty',
        severity: 'info',
        line,
        message: 'No images are listed.',
        hint: 'Build one with docker build -t demo-image .',
      },
    ];
  const named = images
    .filter((i) => i.repository !== '<none>' && i.tag !== '<none>')
    .map((i) => `${i.repository}:${i.tag}`);
  const findings: Finding[] = [
    {
      id: 'images-listed',
      severity: 'info',
      line,
      message: `${images.length} image${images.length === 1 ? '' : 's'} listed${named.length ? `: ${named.join(', ')}` : ''}.`,
    },
  ];
  const dangling = images.length - named.length;
  if (dangling)
    findings.push({
      id: 'images-dangling',
      severity: 'info',
      line,
      message: `${dangling} image${dangling === 1 ? ' has' : 's have'} no name: leftovers of earlier builds.`,
      hint: 'docker image prune removes them.',
    });
  return findings;
}

export function diagnoseHistory({ part, marks }: Parsed<PartOf<'history'>>): Finding[] {
  const { layers } = part.history;
  const buildkit = layers.some((l) => l.id === null);
  const findings: Finding[] = [
    {
      id: 'history-layers',
      severity: 'info',
      line: part.lines[0],
      message: `${layers.length} history rows, newest first; built by ${buildkit ? 'BuildKit (intermediate rows show <missing>)' : 'the legacy builder (every row has an ID)'}.`,
    },
  ];
  // Rows are newest first: a whole-context COPY listed below (older than) the install is the slow order.
  const install = layers.findIndex((l) => installs(stepText(l.createdBy)));
  const copyAll = layers.findIndex(
    (l, i) => i > install && copiesWholeContext(stepText(l.createdBy)),
  );
  if (install !== -1 && copyAll !== -1)
    findings.push({
      id: 'history-copy-before-install',
      severity: 'warning',
      line: marks.items[copyAll] ?? part.lines[0],
      message:
        'The whole project is copied before the dependencies are installed: any code change makes the install run again.',
      hint: 'Copy requirements.txt alone, install, then copy the code.',
    });
  const shellCmd = layers.findIndex((l) => /CMD \["\/bin\/sh" "-c"/.test(l.createdBy));
  if (shellCmd !== -1)
    findings.push({
      id: 'history-shell-cmd',
      severity: 'warning',
      line: marks.items[shellCmd] ?? part.lines[0],
      message:
        "The image's CMD is in shell form: the server runs under /bin/sh and does not receive stop signals.",
      hint: 'Write CMD in exec form: CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"].',
    });
  return findings;
}
