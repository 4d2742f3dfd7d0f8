/** app-reachable: its judges, one per evidence source it reads (see ./info.ts for what it is). */
import type { EngineSnapshot, Verdict } from '../../../evidence.ts';
import { COURSE } from '../../course.ts';
import type { Judges } from '../../dispatch.ts';
import { containersIn, wantedImage } from '../../engine/snapshot-seen.ts';
import { httpSeen } from '../../from-reading.ts';
import { pickContainer, publishedCoursePort, urlFor } from '../../judge/containers.ts';
import { judgeHttp } from '../../judge/http.ts';
import { lastPart } from '../../reading.ts';
import { check, notChecked, verdictOf } from '../../verdict.ts';

export const judges: Judges = {
  reading: (r, source) => {
    const part = lastPart(r, 'curl');
    return part ? verdictOf(judgeHttp(httpSeen(r, part), 'container'), source) : null;
  },
  engine: fromEngine,
};

/** The Engine's side: the probe Layerwise sent to the container's published port, if any. */
function fromEngine(s: EngineSnapshot): Verdict {
  const chosen = pickContainer(containersIn(s), wantedImage(s));
  const port = chosen?.running ? publishedCoursePort(chosen) : undefined;
  const container = chosen && s.containers.find((c) => c.name === chosen.name);
  const rest = [
    notChecked('status-ok', 'there was nothing to ask'),
    notChecked('body', 'there was nothing to ask'),
  ];
  if (!port || !container) {
    // Nothing was asked, so say why instead of pretending a connection was refused.
    const why = !chosen
      ? `no container from ${wantedImage(s)} exists`
      : !chosen.running
        ? `container ${chosen.name} is not running`
        : `container ${chosen.name} does not publish port ${COURSE.containerPort}`;
    return verdictOf(
      [
        check('connected', false, `Nothing answers for the app: ${why}.`, {
          hint: `Run it with its port published, then check again: docker run -d -p ${COURSE.hostPort}:${COURSE.containerPort} --name demo ${wantedImage(s)}`,
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
