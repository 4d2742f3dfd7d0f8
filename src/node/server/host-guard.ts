/**
 * The local server answers only as itself. A page on another site can make the learner's browser
 * send requests to 127.0.0.1:4321, and DNS rebinding can even make `evil.example:4321` resolve
 * there; such requests carry a foreign Host or Origin header, and these checks turn them away.
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `localhost:4321`, `127.0.0.1:4321`, `[::1]:4321`: the names the site is reached by on this machine. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  return LOOPBACK_NAMES.some((name) => lower === `${name}:${port}`);
}

/** The Origin a page served by this server sends: `http://` + the Host it was loaded from. */
export function isOwnOrigin(origin: string, host: string, port: number): boolean {
  return isOwnHost(host, port) && origin.toLowerCase() === `http://${host.toLowerCase()}`;
}
