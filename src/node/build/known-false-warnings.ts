/**
 * Build warnings known to be false, kept out of the author's build output so a real one stands out.
 *
 * Astro marks each content entry's propagated-assets module with the directive
 * `"use astro:head-inject"`, which Astro itself reads; rolldown warns for every MDX lesson that it
 * may not keep the directive's meaning (MODULE_LEVEL_DIRECTIVE, ten warnings per build). Astro's
 * issue withastro/astro#18087 (open, "fix verified": Starlight's starter prints it too) says it is
 * harmless. Only that directive is dropped: any other MODULE_LEVEL_DIRECTIVE still prints.
 */

/** The part of a rolldown log this looks at. */
export interface BuildLog {
  code?: string;
  message: string;
}

export function isKnownFalseWarning(log: BuildLog): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');
}

/** The Vite plugin (astro.config.mjs): rolldown's `onLog` hook, which drops a log by returning false. */
export function knownFalseWarnings() {
  return {
    name: 'layerwise:known-false-warnings',
    onLog: (_level: string, log: BuildLog) => !isKnownFalseWarning(log),
  };
}
