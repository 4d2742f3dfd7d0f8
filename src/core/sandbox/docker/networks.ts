/**
 * Networks as the daemon keeps them (Engine 28.5, lab): three it makes when it starts (`bridge`,
 * the default for containers, `host` and `none`), which cannot be removed, and the user-defined
 * bridge networks `docker network create` and Compose make, each with a random 64-hex ID.
 */
import type { Clock, Rng } from '../host/clock.ts';
import { randomHex } from '../host/clock.ts';
import { hashParts } from '../host/sha256.ts';

export interface EngineNetwork {
  name: string;
  id: string;
  /** ms since the epoch */
  createdAt: number;
  driver: 'bridge' | 'host' | 'null';
  /** a user-defined network's /16 (`172.18.0`), the lowest free when it was made (absent in sessions saved before) */
  subnet?: string;
}

export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none'] as const;

const driverOf = (name: string) => (name === 'host' ? 'host' : name === 'none' ? 'null' : 'bridge');

export function newNetwork(clock: Clock, rng: Rng, name: string): EngineNetwork {
  return { name, id: randomHex(rng, 64), createdAt: clock.now(), driver: driverOf(name) };
}

/**
 * The daemon's own three, made when it starts. Their IDs come from the start time, not the
 * random source, which would otherwise hand every later container another ID than before.
 */
export function predefinedNetworks(clock: Clock): EngineNetwork[] {
  const createdAt = clock.now();
  return PREDEFINED_NETWORKS.map((name) => ({
    name,
    id: hashParts('network', name, createdAt),
    createdAt,
    driver: driverOf(name),
  }));
}

/** A saved network: sessions saved before networks had IDs kept only their names. */
export function networkFromState(
  saved: string | EngineNetwork,
  clock: Clock,
  rng: Rng,
): EngineNetwork {
  return typeof saved === 'string' ? newNetwork(clock, rng, saved) : { ...saved };
}

/** The daemon keeps a network's creation to the nanosecond; the sandbox's clock has ms, the rest from its ID. */
export const createdNanos = (n: EngineNetwork) =>
  `${String(n.createdAt % 1000).padStart(3, '0')}${String(parseInt(n.id.slice(0, 5), 16) % 1e6).padStart(6, '0')}`;

/** Its creation as `docker network inspect` prints it (RFC 3339, nanoseconds, UTC). */
export const networkCreated = (n: EngineNetwork) =>
  `${new Date(n.createdAt).toISOString().slice(0, 19)}.${createdNanos(n)}Z`;

export const isPredefined = (name: string) =>
  (PREDEFINED_NETWORKS as readonly string[]).includes(name);
