/** The Engine's side of each exercise: snapshot → the same checks a paste gets. */
import type { Check, EngineSnapshot, Verdict } from '../../evidence.ts';
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
import { findImage, findPrevious } from './images.ts';
import { imageName, normaliseRef, stepText } from '../../docker/index.ts';
import { isInstallLayer, isSourceLayer, namedLayers, sharedPrefix } from './layers.ts';

const wanted = (s: EngineSnapshot) => s.image ?? COURSE_IMAGE;

function imageExists(s: EngineSnapshot): Check {
  const ref = normaliseRef(wanted(s));
  const image = findImage(s, ref);
  return image
    ? check(
        'build-succeeded',
        true,
        `The image ${ref} exists on your Docker Engine (ID ${image.id.replace(/^sha256:/, '').slice(0, 12)}).`,
      )
    : check('build-succeeded', false, `There is no image tagged ${ref} on your Docker Engine.`, {
        hint: `Build it, in the folder with the Dockerfile: docker build -t ${ref} .`,
      });
}

export function engineFirstBuild(s: EngineSnapshot): Verdict {
  const image = findImage(s, wanted(s));
  const exists = imageExists(s);
  if (!image)
    return verdictOf(
      [
        exists,
        notChecked('tagged', 'the image is missing'),
        notChecked('image-config', 'the image is missing'),
      ],
      'engine',
    );
  const differences: string[] = [];
  if (image.workingDir !== COURSE.workdir)
    differences.push(
      `its working directory is ${image.workingDir || '/ (none set)'}, not ${COURSE.workdir}`,
    );
  const command = [...(image.entrypoint ?? []), ...(image.cmd ?? [])];
  if (command.join(' ') !== COURSE.cmd.join(' '))
    differences.push(
      `its command is ${JSON.stringify(command)}, not ${JSON.stringify(COURSE.cmd)}`,
    );
  if (!image.exposedPorts.includes(`${COURSE.containerPort}/tcp`))
    differences.push(`it does not EXPOSE ${COURSE.containerPort}`);
  const config =
    differences.length === 0
      ? check(
          'image-config',
          true,
          `Its configuration matches the course’s Dockerfile: WORKDIR ${COURSE.workdir}, port ${COURSE.containerPort}, and the uvicorn command.`,
        )
      : check(
          'image-config',
          false,
          `It differs from the course’s Dockerfile: ${differences.join('; ')}.`,
          {
            hint: 'Compare your Dockerfile with the one in “Writing the Dockerfile”, fix it, and build again.',
          },
        );
  return verdictOf(
    [exists, check('tagged', true, `The image is tagged ${normaliseRef(wanted(s))}.`), config],
    'engine',
  );
}

export function engineCachedRebuild(s: EngineSnapshot): Verdict {
  const current = findImage(s, wanted(s));
  const exists = imageExists(s);
  const rest = ['previous-build', 'install-cached', 'source-rebuilt'] as const;
  if (!current)
    return verdictOf(
      [exists, ...rest.map((id) => notChecked(id, 'the image is missing'))],
      'engine',
    );
  const previous = findPrevious(s, current);
  if (!previous) {
    return verdictOf(
      [
        exists,
        check(
          'previous-build',
          false,
          'The build before this one is not on your Docker Engine any more, so there is nothing to compare with.',
          {
            hint: `Tag the current image before you rebuild (docker tag ${normaliseRef(wanted(s))} ${COURSE.imageName}:before), change app/main.py, build again, then run layerwise verify cached-rebuild --previous ${COURSE.imageName}:before.`,
          },
        ),
        ...rest.slice(1).map((id) => notChecked(id, 'there is no earlier build to compare with')),
      ],
      'engine',
    );
  }
  const found = check(
    'previous-build',
    true,
    `Compared with the build before it: ${previous.how}.`,
  );
  const now = namedLayers(current);
  const shared = sharedPrefix(current.layers, previous.image.layers);
  const installAt = now.findIndex(isInstallLayer);
  const sourceAt = now.findLastIndex(isSourceLayer);
  let install: Check;
  if (installAt < 0)
    install = check(
      'install-cached',
      false,
      'The image has no dependency install layer (RUN pip install …).',
    );
  else if (shared > installAt)
    install = check(
      'install-cached',
      true,
      `The layers up to “${stepText(now[installAt]!.createdBy)}” are the same in both builds: the dependencies came from the cache.`,
    );
  else {
    const changed = now[shared];
    const wrongOrder = sourceAt >= 0 && sourceAt < installAt;
    install = check(
      'install-cached',
      false,
      wrongOrder
        ? `The install layer was built again: the application code is copied before it (“${stepText(now[sourceAt]!.createdBy)}”), so every code change re-runs the install.`
        : `The install layer was built again, because an earlier layer changed: “${stepText(changed?.createdBy ?? '')}”.`,
      {
        hint: wrongOrder
          ? 'Copy requirements.txt and run pip install first, then COPY the app.'
          : 'Between the two builds, change only app/main.py (and build without --no-cache).',
      },
    );
  }
  const source =
    sourceAt < 0
      ? check('source-rebuilt', false, 'The image has no layer that copies the application code.')
      : current.id === previous.image.id || shared > sourceAt
        ? check(
            'source-rebuilt',
            false,
            'The application layer is the same in both builds: nothing in the copied code changed.',
            {
              hint: 'Save app/main.py after editing it, then build again.',
            },
          )
        : check(
            'source-rebuilt',
            true,
            `The application layer (“${stepText(now[sourceAt]!.createdBy)}”) is new: Docker saw your change.`,
          );
  return verdictOf([exists, found, install, source], 'engine');
}

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
