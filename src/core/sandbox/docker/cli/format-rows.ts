/**
 * `--format` as the CLI's formatter runs it: `\t`/`\n` escapes, a `table` prefix for a header row
 * and tab-aligned columns, `json` for `{{json .}}`; each row read through the command's context
 * type, so an unknown field is Go's error (which each command words its own way).
 */
import { renderTable } from '../../text/table.ts';
import { renderTemplate, type GoType } from '../../text/go-template.ts';

export function formatRows(
  format: string,
  type: GoType,
  headers: Record<string, string>,
  rows: readonly unknown[],
): { text: string } | { error: string } {
  const isTable = /^table(?:\s|$)/.test(format);
  const body = (isTable ? format.slice(5) : format === 'json' ? '{{json .}}' : format)
    .trim()
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
  const out: string[] = [];
  for (const raw of isTable ? [headers, ...rows] : rows) {
    const r = renderTemplate(body, { type, raw });
    if (!r.ok) return { error: r.error };
    out.push(r.text);
  }
  return {
    text: isTable
      ? `${renderTable(out.map((line) => line.split('\t')))}\n`
      : out.map((l) => `${l}\n`).join(''),
  };
}
