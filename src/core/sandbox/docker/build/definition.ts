/**
 * The Dockerfile as BuildKit's `load build definition` step reads it, built on the Dockerfile
 * analysis' model (continuation lines joined and comment lines dropped as the engine does, exec
 * form, flags, ENV/ARG/LABEL pairs), plus the errors BuildKit stops on, in its wording.
 */
import { readDockerfile, type Step } from '../../../dockerfile/index.ts';
import { expandVariables } from '../../../text/index.ts';

export type { Step };

export type BuildDefinition =
  | { ok: true; steps: Step[]; lines: string[] }
  | { ok: false; message: string; line: number | null };

export function readBuildDefinition(text: string): BuildDefinition {
  const steps = readDockerfile(text).all;
  const unknown = steps.find((s) => !s.known);
  if (unknown)
    return {
      ok: false,
      message: `dockerfile parse error on line ${unknown.line}: unknown instruction: ${unknown.keyword}`,
      line: unknown.line,
    };
  if (steps.length === 0)
    return { ok: false, message: 'the Dockerfile cannot be empty', line: null };
  const first = steps.find((s) => s.keyword !== 'ARG');
  if (first?.keyword !== 'FROM')
    return { ok: false, message: 'no build stage in current context', line: first?.line ?? null };
  return { ok: true, steps, lines: text.replace(/\r\n?/g, '\n').split('\n') };
}

/** Build args and ENV in the text, as BuildKit expands WORKDIR, COPY, ENV… */
export function expandBuildVars(text: string, vars: Map<string, string>): string {
  return expandVariables(text, (name) => vars.get(name)).text;
}

const NAME = /\$(?:\{[^}]*\}|\w+|\?)/g;

/**
 * A step's label in BuildKit's progress: build args and ENV expanded, but what is unset (`$?`,
 * `$HOME` when no ENV sets it) and anything in single quotes left as written (dockerfile2llb names
 * the vertex with its lexer's RawQuotes and SkipUnsetEnv), since the shell expands those later.
 */
export function stepLabel(text: string, vars: Map<string, string>): string {
  const names = (part: string) =>
    part.replace(NAME, (ref) => {
      const e = expandVariables(ref, (name) => vars.get(name));
      return e.unset ? ref : e.text;
    });
  return text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'|[^"']+/g, (part) =>
    part.startsWith("'") ? part : names(part),
  );
}
