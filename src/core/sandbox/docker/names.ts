/** Docker's random container names, `adjective_surname` (a short list from moby's namesgenerator). */
import type { Rng } from '../host/clock.ts';

const LEFT = [
  'admiring',
  'brave',
  'clever',
  'eager',
  'focused',
  'happy',
  'jolly',
  'keen',
  'loving',
  'modest',
  'nifty',
  'quirky',
  'relaxed',
  'sharp',
  'vibrant',
  'zealous',
];
const RIGHT = [
  'babbage',
  'curie',
  'darwin',
  'euler',
  'franklin',
  'hopper',
  'johnson',
  'lovelace',
  'mccarthy',
  'noether',
  'pasteur',
  'ritchie',
  'shannon',
  'turing',
  'wozniak',
  'yonath',
];

export function containerName(rng: Rng, taken: (name: string) => boolean): string {
  for (let i = 0; ; i++) {
    const name = `${LEFT[Math.floor(rng() * LEFT.length)]}_${RIGHT[Math.floor(rng() * RIGHT.length)]}${i > 5 ? i : ''}`;
    if (!taken(name)) return name;
  }
}
