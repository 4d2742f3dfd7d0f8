/**
 * Timings a lesson quotes from a captured build, read from the capture itself so the prose cannot
 * drift from the output it shows. The steps come from the course's parser; only the seconds, which
 * the parse contract does not carry, are read here.
 */
import { parseDetailed, type Parsed, type PartOf } from '../core/docker-output/index.ts';
import { screenLines } from '../core/text/index.ts';

function build(output: string): Parsed<PartOf<'build'>> | undefined {
  return parseDetailed(output).find((p): p is Parsed<PartOf<'build'>> => p.part.kind === 'build');
}

/** Seconds the step whose instruction starts with `instruction` (e.g. `RUN pip`) took; null when not printed. */
export function stepSeconds(output: string, instruction: string): number | null {
  const p = build(output);
  const at = p?.part.build.steps.findIndex((s) => s.instruction.startsWith(instruction)) ?? -1;
  const line = at >= 0 ? p?.marks.items[at] : undefined;
  if (line === undefined) return null;
  const shown = screenLines(output);
  const text = (shown.find((l) => l.n === line)?.text ?? '').trimStart();
  // tty: ` => [4/5] RUN pip install …   0.7s`; plain: `#8 [4/5] RUN …` then `#8 DONE 0.7s`.
  const tty = /(\d+\.\d+)s$/.exec(text);
  if (tty && text.startsWith('=>')) return Number(tty[1]);
  const vertex = /^#(\d+) /.exec(text)?.[1];
  const done = vertex && shown.map((l) => new RegExp(`^#${vertex} DONE (\\d+(?:\\.\\d+)?)s$`).exec(l.text)).find(Boolean);
  return done ? Number(done[1]) : null;
}

/** The `[+] Building 5.9s (10/10) FINISHED` time of a tty build, in seconds. */
export function ttyBuildSeconds(output: string): number | null {
  const m = /^\[\+\] Building (\d+(?:\.\d+)?)s/m.exec(output);
  return m ? Number(m[1]) : null;
}
