/**
 * dockerfile-written: the learner's Dockerfile, judged by the Dockerfile analysis. Each check is
 * one idea of the lesson, in lesson order; it fails on the analysis' warnings and errors about
 * that idea and words the failure exactly as `layerwise explain Dockerfile` does.
 */
import { analyse, describe, type FindingId } from '../../../dockerfile/index.ts';
import type { Finding } from '../../../docker/index.ts';
import type { Check, EvidenceSource, SandboxEvent } from '../../../evidence.ts';
import type { CheckContext, Judges } from '../../dispatch.ts';
import { check, notChecked, unrecognized, verdictOf } from '../../verdict.ts';

type Summary = ReturnType<typeof describe>;

interface Topic {
  id: string;
  findings: readonly FindingId[];
  /**
   * When the file has no subject for this check (no server command, no EXPOSE): the check that
   * says so, never a pass about something that is not there.
   */
  absent?: (s: Summary) => Check | null;
  /** what a passing check says, from the file's own summary */
  ok: (s: Summary) => string;
}

/** A CMD written as a JSON array that is not JSON runs through /bin/sh -c (the first check says so). */
const brokenJson = (s: Summary) => s.cmdForm === 'shell' && (s.cmd?.[2] ?? '').startsWith('[');

/** Why a check about the server cannot be judged: there is no server command Layerwise can read. */
function noServer(s: Summary): string | null {
  if (s.server !== null) return null;
  if (s.cmd === null && s.entrypoint === null) return 'there is no CMD';
  if (brokenJson(s)) return 'the CMD line is not valid JSON, so no server starts';
  return 'the start command runs no uvicorn or fastapi server that Layerwise can read';
}

const needsServer =
  (id: 'listens-on-all-interfaces' | 'build-context' | 'no-reload') =>
  (s: Summary): Check | null => {
    const why = noServer(s);
    return why === null ? null : notChecked(id, why);
  };

const TOPICS: readonly Topic[] = [
  {
    id: 'instructions',
    findings: [
      'unknown-instruction',
      'missing-arguments',
      'no-from',
      'invalid-json-form',
      'expose-invalid',
    ],
    ok: () => 'Every line is a Dockerfile instruction Docker understands.',
  },
  {
    id: 'base-image',
    findings: ['base-image-no-tag', 'base-image-latest', 'base-image-eol'],
    ok: (s) => `FROM ${s.baseImage}: a supported Python, pinned by its tag.`,
  },
  {
    id: 'workdir',
    findings: ['workdir-relative', 'workdir-missing'],
    ok: (s) =>
      `WORKDIR ${s.workdir ?? ''} is an absolute path, so every relative path after it is clear.`,
  },
  {
    id: 'dependencies-first',
    findings: ['install-after-source'],
    ok: () =>
      'requirements.txt is copied and installed before the app code, so a code change keeps the install cached.',
  },
  {
    id: 'pip-install',
    findings: ['pip-no-cache-dir', 'pip-inline-packages'],
    ok: () => 'pip installs from requirements.txt with --no-cache-dir, keeping the layer small.',
  },
  {
    id: 'build-context',
    findings: ['dockerignore-missing', 'add-instead-of-copy', 'app-path-not-copied'],
    absent: needsServer('build-context'),
    ok: () => 'The app code is copied where the start command looks for it.',
  },
  {
    id: 'start-command',
    findings: [
      'cmd-shell-form',
      'entrypoint-shell-form',
      'cmd-multiple',
      'cmd-missing',
      'exec-form-variable',
    ],
    absent: (s) =>
      brokenJson(s)
        ? notChecked(
            'start-command',
            'the CMD line is not valid JSON, so Docker runs it through a shell',
          )
        : null,
    ok: (s) =>
      `CMD is in exec form (${JSON.stringify(s.cmd)}), so the server gets Docker's stop signal directly.`,
  },
  {
    id: 'listens-on-all-interfaces',
    findings: ['server-host-loopback', 'server-host-missing'],
    absent: (s) =>
      needsServer('listens-on-all-interfaces')(s) ??
      (s.serverHost === null
        ? notChecked(
            'listens-on-all-interfaces',
            'the address comes from a variable or socket Layerwise cannot read',
          )
        : null),
    ok: (s) => `The server listens on ${s.serverHost}, so a published port can reach it.`,
  },
  {
    id: 'no-reload',
    findings: ['server-reload'],
    absent: needsServer('no-reload'),
    ok: () =>
      'No --reload: the container runs the code it was built with, as a production server does.',
  },
  {
    id: 'port',
    findings: ['port-mismatch'],
    absent: (s) => {
      const why =
        noServer(s) ??
        (s.serverPort === null ? 'the port comes from a variable Layerwise cannot read' : null);
      if (why !== null) return notChecked('port', why);
      if (s.exposed.length > 0) return null;
      return check(
        'port',
        false,
        `There is no EXPOSE, so the image does not say that the server listens on port ${s.serverPort}.`,
        {
          hint: `Add EXPOSE ${s.serverPort} above the CMD. It publishes nothing, but docker ps shows it and docker run -P publishes it.`,
        },
      );
    },
    ok: (s) => `The server's port ${s.serverPort} matches EXPOSE ${s.exposed.join(', ')}.`,
  },
];

const STOPS: ReadonlySet<string> = new Set(['empty-dockerfile', 'too-large', 'not-a-dockerfile']);

/** A pasted `cat Dockerfile` keeps its prompt line and maybe a Markdown fence: drop both. */
function dockerfileText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter(
      (l, i) =>
        !(
          i < 3 &&
          /^\s*(?:[$%#>]|PS [^>]*>)\s*(?:cat|type|Get-Content)\s+\S*Dockerfile\S*\s*$/i.test(l)
        ) && !/^\s*```/.test(l),
    )
    .join('\n');
}

function judge(
  text: string,
  dockerignore: string | null | undefined,
  source: EvidenceSource,
  context: CheckContext,
) {
  const findings = analyse(text, {
    ...(dockerignore === undefined ? {} : { dockerignore }),
    ...(context.today === undefined ? {} : { today: context.today }),
  });
  const stop = findings.find((f) => STOPS.has(f.id));
  if (stop)
    return unrecognized(
      source,
      stop.message,
      stop.hint ?? 'Paste the text of your Dockerfile: run cat Dockerfile.',
    );
  const summary = describe(text);
  const checks: Check[] = TOPICS.map((topic) => {
    const problem = findings.find(
      (f: Finding) => (topic.findings as readonly string[]).includes(f.id) && f.severity !== 'info',
    );
    if (problem)
      return check(topic.id, false, problem.message, { hint: problem.hint, line: problem.line });
    return topic.absent?.(summary) ?? check(topic.id, true, topic.ok(summary));
  });
  return verdictOf(checks, source);
}

const latestFile = (events: readonly SandboxEvent[], path: string) =>
  [...events]
    .reverse()
    .find((e): e is Extract<SandboxEvent, { type: 'file' }> => e.type === 'file' && e.path === path)
    ?.text;

export const judges: Judges = {
  reading: (reading, source, context) => {
    // The text itself is the evidence here; the reading only tells that it is no Docker output.
    if (reading.parsed.some((p) => p.part.kind !== 'unknown')) return null;
    return judge(dockerfileText(reading.lines.join('\n')), undefined, source, context);
  },
  file: (_path, text, source, context) => judge(dockerfileText(text), undefined, source, context),
  sandbox: (events, context) => {
    const text = latestFile(events, 'Dockerfile');
    return text === undefined
      ? null
      : judge(text, latestFile(events, '.dockerignore') ?? null, 'sandbox', context);
  },
};
