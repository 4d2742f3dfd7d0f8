/**
 * Go's text/template, the part `docker … --format` templates use: actions, pipelines, variables,
 * `if`/`with`/`range`/`else`, `break`/`continue`, comments and trim markers, the builtin
 * functions and the Docker CLI's (`json`, `join`, `split`, `upper`, `lower`, `title`, `pad`,
 * `truncate`). Values keep their Go types (go-template/values.ts), so structs, maps and slices
 * print as Go prints them. Errors carry Go's wording and positions, returned, never thrown.
 */
import { parseTemplate, type Node } from './go-template/parse.ts';
import { execute, ExecError } from './go-template/exec.ts';
import { FUNCTIONS, FuncError, HEADER_FUNCTIONS } from './go-template/funcs.ts';
import { T, type GoValue } from './go-template/values.ts';

export { T, type GoType, type GoValue } from './go-template/values.ts';

export type TemplateResult = { ok: true; text: string } | { ok: false; error: string };

export interface ParsedTemplate {
  source: string;
  nodes: Node[];
}

/** Parses with the CLI's functions; `header` for a table's header row. */
export function parseGoTemplate(
  source: string,
  header = false,
): { ok: true; template: ParsedTemplate } | { ok: false; error: string } {
  const funcs = header ? HEADER_FUNCTIONS : FUNCTIONS;
  const parsed = parseTemplate(source, (name) => Object.hasOwn(funcs, name));
  return parsed.ok ? { ok: true, template: { source, nodes: parsed.nodes } } : parsed;
}

export function runGoTemplate(
  template: ParsedTemplate,
  data: GoValue,
  options: { missingKeyError?: boolean; header?: boolean } = {},
): TemplateResult {
  try {
    const text = execute(template.nodes, data, {
      funcs: options.header ? HEADER_FUNCTIONS : FUNCTIONS,
      missingKeyError: options.missingKeyError ?? false,
      source: template.source,
    });
    return { ok: true, text };
  } catch (error) {
    if (error instanceof ExecError || error instanceof FuncError)
      return { ok: false, error: error.message };
    throw error;
  }
}

/** Parses and runs in one go; plain data reads as decoded JSON (`interface{}`). */
export function renderTemplate(
  source: string,
  data: unknown,
  options: { missingKeyError?: boolean } = {},
): TemplateResult {
  const parsed = parseGoTemplate(source);
  if (!parsed.ok) return parsed;
  return runGoTemplate(parsed.template, asGoValue(data), options);
}

export function asGoValue(data: unknown): GoValue {
  return data && typeof data === 'object' && 'type' in data && 'raw' in data
    ? (data as GoValue)
    : { type: T.iface, raw: data };
}
