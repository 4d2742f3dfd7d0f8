/**
 * Compose v2's progress lines when nothing failed (`docker compose up -d`, `down`, `stop`): which
 * containers it created, started, stopped or removed. No part kind of the contract holds them, so
 * the part is `unknown` with tool `compose`; the diagnosis says what Compose did, in one line.
 */
import type { ScreenLine } from '../text/index.ts';
import type { Finding } from '../docker/index.ts';
import { COMPOSE_PROGRESS } from './markers.ts';
import type { Parsed } from './parsed.ts';

const CONTAINER = /^\s*(?:[✔✘⠿] )?Container (\S+)\s+(\w+)/;

export function parseComposeProgress(lines: ScreenLine[]): Parsed | null {
  const used = lines.filter((l) => COMPOSE_PROGRESS.test(l.text));
  if (!used.length) return null;
  const notes = used.flatMap((l) => {
    const m = CONTAINER.exec(l.text);
    return m ? [{ id: 'compose-container', line: l.n, text: `${m[1]} ${m[2]}` }] : [];
  });
  return {
    part: {
      kind: 'unknown',
      tool: 'compose',
      format: 'text',
      lines: [used[0]!.n, used[used.length - 1]!.n],
    },
    marks: { items: [], notes },
  };
}

const DONE: Record<string, string> = {
  Started: 'started',
  Running: 'found running',
  Healthy: 'started (healthy)',
  Created: 'created',
  Recreated: 'recreated',
  Stopped: 'stopped',
  Removed: 'removed',
};

export function diagnoseComposeProgress({ part, marks }: Parsed): Finding[] {
  // Each container's last state is what Compose left it in.
  const last = new Map<string, { state: string; line: number }>();
  for (const n of marks.notes) {
    const [name, state] = (n.text ?? '').split(' ');
    if (name && state && DONE[state]) last.set(name, { state, line: n.line });
  }
  if (!last.size)
    return [
      {
        id: 'compose-progress',
        severity: 'info',
        line: part.lines[0],
        message: 'Compose set up its network and volumes; no container is named.',
      },
    ];
  return [...last].map(([name, { state, line }]) => ({
    id: 'compose-progress',
    severity: 'info',
    line,
    message: `Compose ${DONE[state]} ${name}.`,
    hint: /Started|Running|Healthy/.test(state)
      ? 'Started means its program began, not that the app answers: docker compose ps shows whether it stays up, docker compose logs what it printed.'
      : /Stopped|Removed/.test(state)
        ? 'docker compose up -d starts it again (and builds first with --build).'
        : 'docker compose up starts what is created; docker compose ps lists the containers.',
  }));
}
