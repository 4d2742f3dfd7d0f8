/**
 * What the simulated Compose needs of a YAML parser: the `yaml` package's `parseDocument`, which
 * the edge that makes the sandbox hands in (core imports no package, and the browser fetches it
 * only when a learner first types `docker compose`).
 */
export interface YamlDocument {
  errors: readonly { message: string; linePos?: readonly { line: number; col: number }[] }[];
  toJS(): unknown;
}

export type YamlParser = (text: string, options: { uniqueKeys: boolean }) => YamlDocument;

/** Loads the parser the first time it is needed; a failed download is tried again next time. */
export type YamlLoader = () => Promise<YamlParser>;
