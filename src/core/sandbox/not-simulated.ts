/**
 * The one way the browser terminal says it cannot do something. A real shell, Docker or curl
 * would answer, so a made-up error (`No such container: $(docker`) would teach something false:
 * every command, flag, option or shell construct the simulator lacks prints this line instead,
 * naming what is missing and what to do. Each gap is declared once in its area's list
 * (`shell/gaps.ts`, `docker/gaps.ts`, `python/gaps.ts`, gathered in `gaps.ts`), and the README's
 * table of what is not simulated is checked against those lists.
 */

export type GapArea = 'shell' | 'image' | 'curl' | 'docker' | 'python';

export interface Gap {
  area: GapArea;
  /** what is missing, as the README's table names it: `docker compose`, `for` loops, `curl --cert` */
  feature: string;
  /** what to do instead; the default sends the learner to their own machine */
  instead?: string;
}

/** Where every gap can be done for real: the learner's own terminal and Docker. */
export const ON_YOUR_MACHINE = 'run it in a terminal on your own machine';
export const ON_YOUR_DOCKER = 'run it on your own Docker';

/** Exit code of a refusal: 2, what bash and curl give for usage they do not accept. */
export const NOT_SIMULATED_EXIT = 2;

/** Declares a gap for an area's list. */
export function gap(area: GapArea, feature: string, instead?: string): Gap {
  return instead === undefined ? { area, feature } : { area, feature, instead };
}

/** The line itself, without a newline: `docker compose: not simulated in this browser terminal; run it on your own Docker.` */
export function notSimulatedLine(gap: Gap, shown?: string): string {
  const instead = gap.instead ?? (gap.area === 'docker' ? ON_YOUR_DOCKER : ON_YOUR_MACHINE);
  return `${shown ?? gap.feature}: not simulated in this browser terminal; ${instead}.`;
}

/**
 * Prints the line on stderr and returns the exit code to return. `shown` names what the learner
 * typed when it is more precise than the gap (`curl --cert` for the gap "other curl options").
 */
export function notSimulated(
  io: { err(text: string): void },
  gap: Gap,
  shown?: string,
  exitCode = NOT_SIMULATED_EXIT,
): number {
  io.err(`${notSimulatedLine(gap, shown)}\n`);
  return exitCode;
}
