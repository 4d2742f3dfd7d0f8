/** One line a learner reads for a part of a paste: what it is and what it says, in plain words. */
import type { Part } from './types.ts';

const TOOL: Record<string, string> = { podman: ' (Podman)', compose: ' (Compose)' };

export function describePart(p: Part): string {
  const by = (p.tool && TOOL[p.tool]) ?? '';
  switch (p.kind) {
    case 'build': {
      const b = p.build;
      const cached = b.steps.filter((s) => s.cached).length;
      const outcome = b.success
        ? 'succeeded'
        : b.error
          ? `failed (${b.error.kind.replaceAll('-', ' ')})`
          : 'did not finish in what was pasted';
      return `docker build${by}: ${outcome}; ${b.steps.length} steps shown, ${cached} cached${b.tags.length ? `; tagged ${b.tags.join(', ')}` : ''}.`;
    }
    case 'images':
      return `Image list${by}: ${p.images.images.length} images.`;
    case 'ps':
      return `Container list${by}: ${p.ps.containers.length} containers, ${p.ps.containers.filter((c) => c.running).length} running.`;
    case 'history':
      return `Image history${by}: ${p.history.layers.length} layers.`;
    case 'run-error':
      return p.engine
        ? `No engine answered the docker command (${p.engine.state.replaceAll('-', ' ')}).`
        : `An error from docker run${by} (${p.runError.kind.replaceAll('-', ' ')}).`;
    case 'container-log': {
      const l = p.containerLog;
      const listening = l.listening.map((x) => `${x.host}:${x.port}`).join(', ');
      return `A container's log${by} (${l.server}): ${listening ? `listening on ${listening}` : 'no listening line'}${l.errors.length ? `, ${l.errors.length} error${l.errors.length > 1 ? 's' : ''}` : ''}.`;
    }
    case 'curl':
      return p.curl.error
        ? `curl failed (${p.curl.error}).`
        : `curl: the app answered${p.curl.status ? ` with ${p.curl.status}` : ''}.`;
    case 'unknown':
      return p.engine
        ? `docker ${p.engine.command ?? 'version'}${by}: client ${p.engine.client?.version ?? 'not shown'}, engine ${p.engine.server?.version ?? (p.engine.product === 'podman' ? p.engine.client?.version : null) ?? 'not shown'}${p.engine.desktop ? ', Docker Desktop' : ''}.`
        : 'Text Layerwise does not read as Docker output.';
  }
}
