/**
 * container-running, judged the same way from a `docker ps` paste and from the Engine's list:
 * both are first turned into ContainerSeen.
 */
import type { Check } from '../../evidence.ts';
import { classifyRunError } from '../../docker-output/index.ts';
import { imageName, type Port } from '../../docker/index.ts';
import { COURSE } from '../course.ts';
import { check, notChecked } from '../verdict.ts';

export interface ContainerSeen {
  name: string;
  image: string;
  running: boolean;
  /** `Up 3 seconds`, `Exited (1) 2 minutes ago`, `Created` */
  status: string;
  exitCode: number | null;
  ports: Port[];
  line?: number | undefined;
  /** why the engine could not start it, when the engine said (State.Error) */
  startError?: string | null | undefined;
}

const port = COURSE.containerPort;

export function publishedCoursePort(c: ContainerSeen): Port | undefined {
  return c.ports.find(
    (p) => p.containerPort === port && p.protocol === 'tcp' && p.hostPort !== null,
  );
}

/** The host URL for a published port; a wildcard or loopback binding both read as localhost. */
export function urlFor(p: Port): string {
  return `http://localhost:${p.hostPort}/`;
}

/** The container the learner most likely means: from the course image, running, with the port published. */
export function pickContainer(
  containers: readonly ContainerSeen[],
  image: string,
): ContainerSeen | undefined {
  const repo = imageName(image).repository;
  const fromImage = containers.filter((c) => imageName(c.image).repository === repo);
  const pool = fromImage.length > 0 ? fromImage : containers;
  const score = (c: ContainerSeen) => (c.running ? 2 : 0) + (publishedCoursePort(c) ? 1 : 0);
  return [...pool].sort((a, b) => score(b) - score(a))[0];
}

export function judgeContainerRunning(
  containers: readonly ContainerSeen[],
  image: string,
  listsStopped: boolean,
  /** the table's header line, for a check about an empty table */
  tableLine?: number,
): Check[] {
  const c = pickContainer(containers, image);
  if (!c) {
    return [
      check(
        'container-listed',
        false,
        listsStopped ? 'There are no containers at all.' : 'No container is running.',
        {
          line: tableLine,
          hint:
            `Start one: docker run -d -p ${COURSE.hostPort}:${port} --name demo ${image}` +
            (listsStopped
              ? ''
              : '. If you did start one, it may have stopped: docker ps -a lists stopped containers too.'),
        },
      ),
      notChecked('container-running', 'there is no container'),
      notChecked('port-published', 'there is no container'),
    ];
  }
  const other = imageName(c.image).repository !== imageName(image).repository;
  const listed = check(
    'container-listed',
    true,
    other
      ? `Container ${c.name} runs image ${c.image}; the course’s image is ${image}, so this is the closest match.`
      : `Container ${c.name} from ${c.image} is there.`,
    { line: c.line },
  );
  return [listed, runningCheck(c), portCheck(c)];
}

function runningCheck(c: ContainerSeen): Check {
  if (c.running)
    return check('container-running', true, `It is running (${c.status}).`, { line: c.line });
  if (/^created/i.test(c.status)) {
    const failure = c.startError ? classifyRunError(c.startError) : null;
    if (failure?.kind === 'port-allocated' && failure.port !== null) {
      return check(
        'container-running',
        false,
        `Container ${c.name} was created but never started: host port ${failure.port} is already taken by another container.`,
        {
          line: c.line,
          hint: `docker ps shows which container holds port ${failure.port}: stop it (docker stop NAME), or publish on another host port: docker rm ${c.name}, then docker run -d -p 8081:${port} ${c.image}`,
        },
      );
    }
    return check(
      'container-running',
      false,
      `Container ${c.name} was created but never started${c.startError ? `: ${c.startError}` : ` (${c.status})`}.`,
      {
        line: c.line,
        hint: c.startError
          ? `Fix what the error names, then docker start ${c.name}.`
          : 'Its start failed. Run the same docker run command again without -d to see the error; “port is already allocated” is the usual one.',
      },
    );
  }
  const code = c.exitCode === null ? '' : ` with code ${c.exitCode}`;
  return check(
    'container-running',
    false,
    `Container ${c.name} has stopped${code} (${c.status}).`,
    {
      line: c.line,
      hint:
        c.exitCode === 127
          ? `Exit code 127 means its command was not found. docker logs ${c.name} shows which one.`
          : `docker logs ${c.name} shows why it stopped. Start it again with docker start ${c.name}.`,
    },
  );
}

function portCheck(c: ContainerSeen): Check {
  if (!c.running) return notChecked('port-published', 'the container is not running');
  const published = publishedCoursePort(c);
  if (published) {
    const where =
      published.hostIp && published.hostIp !== '0.0.0.0' && published.hostIp !== '::'
        ? ` on ${published.hostIp}`
        : '';
    return check(
      'port-published',
      true,
      `Container port ${port} is published on host port ${published.hostPort}${where}: open ${urlFor(published)}`,
      { line: c.line },
    );
  }
  const others = c.ports.filter((p) => p.hostPort !== null);
  if (others.length > 0) {
    const p = others[0]!;
    return check(
      'port-published',
      false,
      `Host port ${p.hostPort} leads to container port ${p.containerPort}, but the app listens on port ${port}.`,
      {
        line: c.line,
        hint: `Remove it (docker rm -f ${c.name}) and run it again with -p ${p.hostPort}:${port}: the number after the colon is the container’s port.`,
      },
    );
  }
  const exposed = c.ports.some((p) => p.containerPort === port);
  return check(
    'port-published',
    false,
    exposed
      ? `Port ${port} is only exposed (PORTS shows ${port}/tcp), not published: nothing on your machine leads to it.`
      : 'No port of this container is published.',
    {
      line: c.line,
      hint: `EXPOSE only documents the port. Remove the container (docker rm -f ${c.name}) and run it again with -p ${COURSE.hostPort}:${port}.`,
    },
  );
}
