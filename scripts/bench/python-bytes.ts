/**
 * The bytes Python's files cost on the wire, asked of the site's server as Chromium asks (its
 * Accept-Encoding), for the files the page loaded: the same answer whether the page then took them
 * from the network, the HTTP cache or the service worker (whose responses the browser's own size
 * fields count as 0).
 */
import { readdirSync } from 'node:fs';
import { get } from 'node:http';

export interface Loaded {
  name: string;
  /** as sent: the body's bytes with the encoding the server chose */
  encoded: number;
  /** the file's own bytes */
  decoded: number;
}

/** Chromium's Accept-Encoding on a fetch over plain HTTP (localhost). */
const CHROMIUM_ACCEPT = 'gzip, deflate, br, zstd';

function bodyBytes(url: string, acceptEncoding: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
    // family 4: the server listens on 127.0.0.1 (Node may try ::1 first for localhost); no agent:
    // a kept-alive socket the server closes after its idle timeout answers "socket hang up"
    get(url, { headers, family: 4, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`bench: ${url} answered ${res.statusCode}`));
        return;
      }
      let n = 0;
      res.on('data', (chunk: Buffer) => (n += chunk.length));
      res.on('end', () => resolve(n));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** `paths`: the pathnames the page loaded. Throws rather than report nothing. */
export async function sentBytes(origin: string, paths: string[]): Promise<Loaded[]> {
  const unique = [...new Set(paths)];
  if (!unique.length) throw new Error('bench: the page loaded none of /pyodide/ (Resource Timing)');
  const loaded = await Promise.all(
    unique.map(async (path) => ({
      name: path.slice(path.lastIndexOf('/') + 1),
      encoded: await bodyBytes(origin + path, CHROMIUM_ACCEPT),
      decoded: await bodyBytes(origin + path, null),
    })),
  );
  const empty = loaded.filter((f) => f.encoded <= 0 || f.decoded <= 0);
  if (empty.length) throw new Error(`bench: no bytes for ${empty.map((f) => f.name).join(', ')}`);
  return loaded;
}

/** Every file of the built site's pyodide/ folder, as URL paths. */
export const pyodidePaths = () =>
  readdirSync(new URL('../../dist/pyodide/', import.meta.url)).map((f) => `/pyodide/${f}`);
