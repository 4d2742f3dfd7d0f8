/**
 * The Engine's side of the image and container exercises: snapshot → the same checks a paste gets.
 * The build exercises read the image through engine/build-seen.ts.
 */
import type { EngineSnapshot, Verdict } from '../../evidence.ts';
import { COURSE, COURSE_IMAGE } from '../course.ts';
import {
  judgeContainerRunning,
  pickContainer,
  publishedCoursePort,
  urlFor,
  type ContainerSeen,
} from '../judge/containers.ts';
import { judgeHttp } from '../judge/http.ts';
import { judgeImageListed } from '../judge/images.ts';
import { check, notChecked, verdictOf } from '../verdict.ts';
import { imageName } from '../../docker/index.ts';

const wanted = (s: EngineSnapshot) => s.image ?? COURSE_IMAGE;

export function engineImageListed(s: EngineSnapshot): Verdict {
  const rows = s.images.flatMap((i) =>
    i.tags.length
      ? i.tags.map((t) => ({
          repository: imageName(t).repository,
          tag: imageName(t).tag,
          id: i.id,
        }))
      : [{ repository: '<none>', tag: '<none>', id: i.id }],
  );
  return verdictOf(judgeImageListed(rows, wanted(s)), 'engine');
}

function containersOf(s: EngineSnapshot): ContainerSeen[] {
  return s.containers.map((c) => ({
    name: c.name,
    image: c.image,
    running: c.state === 'running',
    status: c.status,
    exitCode: c.exitCode,
    ports: c.ports,
    startError: c.startError,
  }));
}

export function engineContainerRunning(s: EngineSnapshot): Verdict {
  return verdictOf(judgeContainerRunning(containersOf(s), wanted(s), true), 'engine');
}

export function engineAppReachable(s: EngineSnapshot): Verdict {
  const chosen = pickContainer(containersOf(s), wanted(s));
  const port = chosen?.running ? publishedCoursePort(chosen) : undefined;
  const container = chosen && s.containers.find((c) => c.name === chosen.name);
  const rest = [
    notChecked('status-ok', 'there was nothing to ask'),
    notChecked('body', 'there was nothing to ask'),
  ];
  if (!port || !container) {
    // Nothing was asked, so say why instead of pretending a connection was refused.
    const why = !chosen
      ? `no container from ${wanted(s)} exists`
      : !chosen.running
        ? `container ${chosen.name} is not running`
        : `container ${chosen.name} does not publish port ${COURSE.containerPort}`;
    return verdictOf(
      [
        check('connected', false, `Nothing answers for the app: ${why}.`, {
          hint: `Run it with its port published, then check again: docker run -d -p ${COURSE.hostPort}:${COURSE.containerPort} --name demo ${wanted(s)}`,
        }),
        ...rest,
      ],
      'engine',
    );
  }
  const probe = s.probes.find(
    (p) => p.containerId === container.id && p.hostPort === port.hostPort,
  );
  if (!probe) {
    return verdictOf(
      [
        check(
          'connected',
          false,
          s.probesSkipped
            ? `Layerwise did not send a request: ${s.probesSkipped}.`
            : `Layerwise did not reach ${urlFor(port)}.`,
          {
            hint: `Run curl -i ${urlFor(port)} where the engine runs, and paste its output into the panel instead.`,
          },
        ),
        ...rest,
      ],
      'engine',
    );
  }
  return verdictOf(
    judgeHttp(
      {
        ok: probe.ok,
        exitCode: null,
        status: probe.status,
        body: probe.body,
        error: probe.error,
        url: probe.url,
      },
      'container',
      'Layerwise',
    ),
    'engine',
  );
}
