/**
 * A Dockerfile as the simulated builder needs it, read with dockerfile-ast: one entry per
 * instruction with its 1-based line, arguments as written (continuations joined as BuildKit joins
 * them), JSON form when present, flags and key=value properties. Errors use BuildKit's wording.
 */
import { DockerfileParser } from 'dockerfile-ast';

export interface Instruction {
  keyword: string;
  line: number;
  /** the arguments after the keyword, continuations joined */
  text: string;
  /** exec (JSON) form, when the arguments are a JSON array of strings */
  json: string[] | null;
  /** `--chmod=755` → ['chmod', '755'] */
  flags: [string, string | null][];
  /** arguments without flags, split on whitespace */
  args: string[];
  /** ENV/ARG/LABEL key=value pairs, quotes removed */
  properties: [string, string | null][];
}

export type DockerfileModel = { ok: true; instructions: Instruction[]; lines: string[] } | { ok: false; message: string; line: number | null };

const KNOWN = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

export function readDockerfile(text: string): DockerfileModel {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let parsed;
  try {
    parsed = DockerfileParser.parse(text);
  } catch {
    return { ok: false, message: 'dockerfile parse error: unreadable Dockerfile', line: null };
  }
  const instructions: Instruction[] = [];
  for (const i of parsed.getInstructions()) {
    const keyword = i.getKeyword().toUpperCase();
    const line = i.getRange().start.line + 1;
    if (!KNOWN.has(keyword)) return { ok: false, message: `dockerfile parse error on line ${line}: unknown instruction: ${i.getKeyword()}`, line };
    const any = i as unknown as {
      getJSONStrings?: () => { getJSONValue(): string }[];
      getFlags?: () => { getName(): string; getValue(): string | null }[];
      getProperties?: () => { getName(): string; getValue(): string | null }[];
    };
    const raw = i.getArgumentsContent() ?? '';
    const jsonStrings = any.getJSONStrings?.() ?? [];
    const flags = (any.getFlags?.() ?? []).map((f) => [f.getName(), f.getValue()] as [string, string | null]);
    instructions.push({
      keyword,
      line,
      text: raw,
      json: jsonStrings.length > 0 || /^\[\s*\]$/.test(raw.trim()) ? jsonStrings.map((s) => s.getJSONValue()) : null,
      flags,
      args: i.getArguments().map((a) => a.getValue()),
      properties: (any.getProperties?.() ?? []).map((p) => [p.getName(), unquote(p.getValue())] as [string, string | null]),
    });
  }
  if (instructions.length === 0) return { ok: false, message: 'the Dockerfile cannot be empty', line: null };
  const first = instructions.find((i) => i.keyword !== 'ARG');
  if (first?.keyword !== 'FROM') return { ok: false, message: 'no build stage in current context', line: first?.line ?? null };
  return { ok: true, instructions, lines };
}

function unquote(value: string | null): string | null {
  if (value === null) return null;
  const m = /^(["'])(.*)\1$/s.exec(value);
  return m ? m[2]! : value.replace(/\\(.)/g, '$1');
}

/** `$VAR` and `${VAR}` against the build's variables, as BuildKit expands WORKDIR, COPY, ENV… */
export function expandBuildVars(text: string, vars: Map<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (_, a, b) => vars.get(a ?? b) ?? '');
}
