/**
 * Whether a string is an image reference at all, by Docker's own grammar (distribution/reference,
 * regexp.go: https://github.com/distribution/reference/blob/main/regexp.go): `[host[:port]/]path
 * [:tag][@digest]`, path components of lower-case letters and digits joined by `.`, `_`, `__` or
 * dashes, a name of at most 255 characters. `demo-image//latest`, `a/./b` and `a/../b` are not
 * references: read as a path by the engine's API they would name something else (audit F1).
 */
const ALNUM = '[a-z0-9]+';
const PATH_COMPONENT = `${ALNUM}(?:(?:[._]|__|-+)${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_MAX = 255;

export function isReference(ref: string): boolean {
  if (ref.length > NAME_MAX + 1 + 128 + 1 + 200) return false;
  const match = REFERENCE.exec(ref);
  return match !== null && match[1]!.length <= NAME_MAX;
}
