/**
 * Compressed answers, as a static host gives them: Brotli or gzip by the browser's Accept-Encoding,
 * for text files only, made once per file version and kept in memory (the site is a few MB).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|wasm)|image\/svg\+xml)/;

/** The encoding to answer with, or null for the bytes as they are. */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  contentType: string,
  size: number,
): Encoding | null {
  if (size < 512 || !COMPRESSIBLE.test(contentType) || !acceptEncoding) return null;
  const accepted = new Set(
    acceptEncoding.split(',').map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      return params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p)) ? '' : name;
    }),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

const cache = new Map<string, Buffer>();

/** `key` names the content's version (path and mtime), so a rebuilt file is compressed anew. */
export function compressed(key: string, encoding: Encoding, body: Buffer): Buffer {
  const id = `${encoding} ${key}`;
  let out = cache.get(id);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipSync(body, { level: 9 });
    cache.set(id, out);
  }
  return out;
}
