/** `layerwise explain [FILE]`: what a pasted Docker output (or a Dockerfile) says, and what to do. */
import { explain, type Explanation, type Part } from '../../core/docker-output/index.ts';
import { portText } from '../../core/docker/index.ts';
import { formatFindings, styleFor, type Style } from './format.ts';
import { say, type Subcommand } from './io.ts';
import { parseArgs, readInput } from './read-input.ts';

const HELP = `Usage: layerwise explain [FILE] [--json]

Reads Docker output (docker build, images, ps, history, run errors, container logs, curl,
docker version and info), from
FILE or from stdin, and prints what each part says and what to do about it, with line numbers.
A Dockerfile is read too: its findings say what to change.

  --json   print the machine-readable result (the contract in shared/contracts/explain.schema.json)

Examples:
  docker build -t demo-image . 2>&1 | layerwise explain
  layerwise explain build.log
  layerwise explain Dockerfile`;

/**
 * A Dockerfile has no Docker output parts; its analysis is the finding list. The Dockerfile reader
 * loads only then: a paste of Docker output, the usual case, starts without it.
 */
export async function explainText(text: string): Promise<Explanation> {
  const result = explain(text);
  if (result.parts.every(unread)) {
    const { analyse } = await import('../../core/dockerfile/index.ts');
    const findings = analyse(text, { today: new Date().toISOString().slice(0, 10) });
    if (!findings.some((f) => f.id === 'not-a-dockerfile'))
      return { parts: result.parts, findings };
  }
  return result;
}

/** A part Layerwise could not read (a docker version/info answer is read, though its kind is unknown). */
const unread = (p: Part) => p.kind === 'unknown' && !p.engine;

function describePart(p: Part, style: Style): string {
  const where = style.dim(`lines ${p.lines[0]}–${p.lines[1]}`);
  const tool = p.tool && p.tool !== 'docker' ? ` (${p.tool})` : '';
  switch (p.kind) {
    case 'build': {
      const b = p.build;
      const cached = b.steps.filter((s) => s.cached).length;
      const status = b.success
        ? style.ok('succeeded')
        : style.bad(`failed${b.error ? ` (${b.error.kind})` : ''}`);
      const steps = b.steps.map(
        (s) =>
          `    ${s.failed ? style.bad('✗') : s.cached ? 'CACHED' : 'ran   '} [${s.stage ? `${s.stage} ` : ''}${s.index}/${s.total ?? '?'}] ${s.instruction}`,
      );
      return [
        `docker build${tool}, ${p.format}: ${status}; ${b.steps.length} steps, ${cached} cached${b.tags.length ? `; tagged ${b.tags.join(', ')}` : ''}  ${where}`,
        ...steps,
      ].join('\n');
    }
    case 'images':
      return [
        `image list${tool}  ${where}`,
        ...p.images.images.map(
          (i) => `    ${i.repository}:${i.tag}  ${i.id}${i.size ? `  ${i.size}` : ''}`,
        ),
      ].join('\n');
    case 'ps':
      return [
        `container list${tool}  ${where}`,
        ...p.ps.containers.map(
          (c) =>
            `    ${c.names}  ${c.image}  ${c.running ? style.ok(c.status) : c.status}  ${c.ports.map(portText).join(', ') || 'no ports'}`,
        ),
      ].join('\n');
    case 'history':
      return `image history${tool}: ${p.history.layers.length} rows  ${where}`;
    case 'run-error':
      if (p.engine) return `no engine answered (${p.engine.state})${tool}  ${where}`;
      return `docker run error (${p.runError.kind}${p.runError.port ? `, port ${p.runError.port}` : ''})  ${where}`;
    case 'container-log':
      return `${p.containerLog.server} log: ${p.containerLog.listening.map((l) => `listening on ${l.host}:${l.port}`).join(', ') || 'no listening line'}${p.containerLog.errors.length ? `; ${p.containerLog.errors.length} error(s)` : ''}  ${where}`;
    case 'curl': {
      const c = p.curl;
      return c.ok
        ? `curl: ${c.status ?? 'answer'}${c.body ? ` ${c.body.trim().slice(0, 60)}` : ''}  ${where}`
        : `curl: failed (${c.exitCode}, ${c.error})  ${where}`;
    }
    case 'unknown':
      return p.engine
        ? `docker ${p.engine.command ?? 'version'}${tool}: client ${p.engine.client?.version ?? '?'}, engine ${p.engine.server?.version ?? '?'}${p.engine.desktop ? ' (Docker Desktop)' : ''}  ${where}`
        : `text Layerwise does not read as Docker output  ${where}`;
  }
}

export const explainCommand: Subcommand = {
  name: 'explain',
  help: HELP,
  async run(args, io) {
    const parsed = parseArgs(args, { flags: ['--json'] });
    if (parsed.problems.length || parsed.positional.length > 1) {
      say(
        io.stderr,
        `layerwise explain: ${[...parsed.problems, ...(parsed.positional.length > 1 ? ['give at most one FILE'] : [])].join('; ')}\n\n${HELP}`,
      );
      return 2;
    }
    const input = await readInput(parsed.positional[0], io);
    if (!input.ok) {
      say(io.stderr, `layerwise explain: ${input.message}`);
      return 2;
    }
    const result = await explainText(input.text);
    if (parsed.flags.has('--json')) {
      say(io.stdout, JSON.stringify(result, null, 2));
      return 0;
    }
    const style = styleFor(io.stdout, io.env);
    const known = result.parts.filter((p) => !unread(p));
    const blocks = (known.length ? known : result.parts).map((p) => describePart(p, style));
    say(
      io.stdout,
      `${blocks.join('\n\n')}\n\n${style.bold('Findings')}\n${formatFindings(result.findings, style)}`,
    );
    return 0;
  },
};
