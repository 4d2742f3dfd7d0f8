/**
 * The host's TCP ports: who listens where, and what a connection to an address meets. A
 * listener is a host process (uvicorn on the laptop) or Docker's proxy for a published port.
 * What the proxy finds behind it decides curl's result: an app listening on the container's
 * 0.0.0.0 answers; nothing there (uvicorn bound to 127.0.0.1, a wrong container port, a stopped
 * app) gives a connection reset, as docker-proxy closes the accepted connection.
 */
import type { HttpRequest, HttpResponse } from '../app/http.ts';

export type Connection =
  | { kind: 'refused' }
  | { kind: 'reset' }
  | { kind: 'http'; request(request: HttpRequest): Promise<HttpResponse> }
  /**
   * accepted, then not answered: a --reload server whose worker is down; a paused container,
   * until it is unpaused or stops (`thawed`: what the connection meets then)
   */
  | { kind: 'hang'; thawed?: Promise<Connection> };

export interface Listener {
  /** `0.0.0.0`, `127.0.0.1`, `::` or `::1` */
  address: string;
  port: number;
  owner: string;
  connect(): Connection;
}

/** Where a server bound to `host` (uvicorn's --host) listens: `localhost` is the loopback address. */
export const boundAddresses = (host: string): string[] => [
  host === 'localhost' ? '127.0.0.1' : host,
];

const family = (address: string) => (address.includes(':') ? 6 : 4);
const wildcard = (address: string) => address === '0.0.0.0' || address === '::';

export class Network {
  private readonly listeners: Listener[] = [];

  /** The listener already holding this address and port, if any. */
  conflict(address: string, port: number): Listener | null {
    return (
      this.listeners.find(
        (l) =>
          l.port === port &&
          family(l.address) === family(address) &&
          (l.address === address || wildcard(l.address) || wildcard(address)),
      ) ?? null
    );
  }

  listen(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  isInUse(port: number): boolean {
    return this.listeners.some((l) => l.port === port);
  }

  /** What connecting to `address:port` from the host meets (`address` already resolved). */
  connect(address: string, port: number): Connection {
    const listener = this.listeners.find(
      (l) =>
        l.port === port &&
        (l.address === address || (wildcard(l.address) && family(l.address) === family(address))),
    );
    return listener ? listener.connect() : { kind: 'refused' };
  }
}
