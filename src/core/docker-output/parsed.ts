/** What a part parser hands to the diagnosis: the contract's part plus where things were in the input. */
import type { Part } from './types.ts';

/** Something a parser noticed that the diagnosis may speak about, with its input line. */
export interface Note {
  id: string;
  line: number;
  text?: string;
}

export interface Marks {
  /** input line of each entry of the part's main list (steps, containers, images, layers, listening) */
  items: number[];
  /** input line of the error the part reports, when it reports one */
  error?: number;
  notes: Note[];
}

export interface Parsed<P extends Part = Part> {
  part: P;
  marks: Marks;
}

export type PartOf<K extends Part['kind']> = Extract<Part, { kind: K }>;

export const noMarks = (): Marks => ({ items: [], notes: [] });
