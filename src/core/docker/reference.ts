/**
 * Image references as Docker reads them (distribution/reference): `[domain/]path[:tag][@digest]`.
 * The first component is a registry when it holds a `.` or `:` or is `localhost`; otherwise the
 * image is on Docker Hub (`docker.io`, legacy `index.docker.io`), whose official images live
 * under `library/`. One reading for the output parser, the simulated engine, the analysis and the
 * checkers.
 */

export interface Reference {
  /** `docker.io` for Docker Hub */
  domain: string;
  /** with `library/` for Docker Hub's official images: `library/python`, `someone/app` */
  path: string;
  tag: string | null;
  digest: string | null;
}

export function readReference(ref: string): Reference {
  const at = ref.indexOf('@');
  const named = at === -1 ? ref : ref.slice(0, at);
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  const name = hasTag ? named.slice(0, colon) : named;
  const slash = name.indexOf('/');
  const first = name.slice(0, slash);
  const registry = slash !== -1 && (/[.:]/.test(first) || first === 'localhost');
  const domain = !registry || first === 'index.docker.io' ? 'docker.io' : first;
  const rest = registry ? name.slice(slash + 1) : name;
  return {
    domain,
    path: domain === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest,
    tag: hasTag ? named.slice(colon + 1) : null,
    digest: at === -1 ? null : ref.slice(at + 1),
  };
}

/** The name Docker shows: `python`, `someone/app`, `localhost:5000/demo`. */
export function familiarName({ domain, path }: Reference): string {
  if (domain !== 'docker.io') return `${domain}/${path}`;
  return /^library\/[^/]+$/.test(path) ? path.slice('library/'.length) : path;
}

/** As Docker stores and prints a reference (`RepoTags`, `Untagged:`): familiar, `:latest` when neither tag nor digest is given. */
export function familiarRef(ref: string): string {
  const r = readReference(ref);
  return `${familiarName(r)}${suffix(r, true)}`;
}

/** As BuildKit names it: `docker.io/library/python:3.13-slim`; `:latest` added only when asked. */
export function qualifiedRef(ref: string, addLatest: boolean): string {
  const r = readReference(ref);
  return `${r.domain}/${r.path}${suffix(r, addLatest)}`;
}

function suffix({ tag, digest }: Reference, addLatest: boolean): string {
  const shownTag = tag ?? (addLatest && digest === null ? 'latest' : null);
  return `${shownTag === null ? '' : `:${shownTag}`}${digest === null ? '' : `@${digest}`}`;
}

/** An image reference as the course compares them: Docker's familiar repository, and its tag. */
export interface ImageName {
  /** `demo-image`, `someone/app`, `localhost:5000/demo`; Podman's `localhost/` for local images dropped */
  repository: string;
  /** as written, `latest` when none is written */
  tag: string;
  /** `sha256:…` when the reference pins one */
  digest: string | null;
}

/**
 * `demo-image`, `demo-image:latest`, `docker.io/library/demo-image`, Podman's
 * `localhost/demo-image:latest` → repository `demo-image`, tag `latest`. A digest never hides the
 * tag written beside it (`demo:v2@sha256:…` is tag `v2`).
 */
export function imageName(ref: string): ImageName {
  const r = readLocal(ref);
  return { repository: familiarName(r), tag: r.tag ?? 'latest', digest: r.digest };
}

/**
 * The one spelling the course prints and compares, as an image's tags (`RepoTags`) hold it:
 * `repository:tag`, digest dropped. A reference pinned by digest alone keeps it
 * (`demo@sha256:…`): no tag names that image.
 */
export function normaliseRef(ref: string): string {
  const r = readLocal(ref);
  const repository = familiarName(r);
  return r.tag === null && r.digest !== null
    ? `${repository}@${r.digest}`
    : `${repository}:${r.tag ?? 'latest'}`;
}

/** Podman names the images it built `localhost/…`; the course reads them as Docker's local images. */
const readLocal = (ref: string) => readReference(ref.replace(/^localhost\//, ''));
