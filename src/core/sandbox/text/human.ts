/** Sizes and durations as the Docker CLI prints them (docker/go-units). */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** The size divided by 1000 until it is below 1000 (or the units run out): how go-units and tonistiigi/units both pick the unit. */
function decimal(bytes: number): { value: number; unit: string } {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return { value, unit: UNITS[unit] ?? 'B' };
}

/** `HumanSizeWithPrecision(size, precision)`: decimal units, `%.{precision}g` (3: the CLI's lists; 4: go-units' `HumanSize`, which `system df` and buildx print). */
export function humanSize(bytes: number, precision = 3): string {
  const { value, unit } = decimal(bytes);
  return `${formatG(value, precision)}${unit}`;
}

/**
 * buildx's progress sizes (`transferring context: 309.26kB`): tonistiigi/units' Bytes with `%.2f`,
 * whole bytes below 1 kB (lab, buildx 0.29: 253B, 16.42kB, 5.05kB, 309.26kB).
 */
export function progressSize(bytes: number): string {
  const { value, unit } = decimal(bytes);
  return unit === 'B' ? `${bytes}B` : `${value.toFixed(2)}${unit}`;
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** go-units' `BytesSize`: binary units, `%.4g` (`docker stats`: 37.71MiB / 23.54GiB). */
export function binarySize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BINARY.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatG(value, 4)}${BINARY[unit]}`;
}

/** Go's `%.Ng` for the 0 ≤ n < 1000 range the sizes use. */
function formatG(n: number, precision: number): string {
  return String(Number(n.toPrecision(precision)));
}

/** `HumanDuration`: "Less than a second", "3 seconds", "About a minute", … */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** RFC 3339 with nanoseconds, as the Engine API writes `Created`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
