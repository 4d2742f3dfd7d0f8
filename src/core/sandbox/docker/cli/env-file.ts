/**
 * `--env-file FILE` as the Docker CLI reads it (opts/envfile.go): one `NAME=value` a line, taken
 * as is (no quotes removed, no expansion); blank lines and lines starting with `#` skipped; a bare
 * `NAME` takes the caller's value, or is left out when the caller has none.
 */
import type { CommandContext } from '../../commands/types.ts';
import { resolvePath } from '../../../text/index.ts';

export function readEnvFiles(
  ctx: CommandContext,
  files: string[],
): { entries: string[] } | { error: string } {
  const entries: string[] = [];
  for (const file of files) {
    const text = ctx.fs.read(resolvePath(ctx.shell.cwd, file, ctx.shell.home));
    if (text === null) return { error: `docker: open ${file}: no such file or directory` };
    for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      const line = raw.trimStart();
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const name = eq < 0 ? line : line.slice(0, eq);
      if (/\s/.test(name) || name === '')
        return {
          error:
            name === ''
              ? `docker: no variable name on line '${line}'`
              : `docker: variable '${name}' contains whitespaces`,
        };
      if (eq >= 0) entries.push(line);
      else if (ctx.shell.env.has(name)) entries.push(`${name}=${ctx.shell.env.get(name)}`);
    }
  }
  return { entries };
}
