/** What the simulated shell, the image's tools and curl do not do, each refused with one line. */
import { gap } from '../not-simulated.ts';

export const GAP = {
  loops: gap('shell', 'for, while and until loops'),
} as const;

export const SHELL_GAPS = Object.values(GAP);
